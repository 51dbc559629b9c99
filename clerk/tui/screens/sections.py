"""A decision's parts as readable text, one function per tab. Markup-escaped throughout."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from clerk.domain.calendar import fmt_date
from clerk.domain.corrections import explained
from clerk.domain.decision import IMPLICATIONS, Decision
from clerk.domain.exempt import SCHEDULE_12A
from clerk.tui.text import esc
from clerk.tui.words import word


def month_words(month: str) -> str:
    """'2013-02' -> 'February 2013' (a decision due some time that month)."""
    try:
        return datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return month


def _v(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "[dim]—[/dim]"
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, list):
        return esc(", ".join(str(v) for v in value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return esc(str(value))


def _lines(pairs: list[tuple[str, Any]]) -> list[str]:
    return [f"[b]{esc(label)}[/b]: {_v(value)}" for label, value in pairs]


def overview(d: Decision) -> str:
    p, k, m = d.plan, d.key, d.decision_maker
    wards = "all wards" if p.all_wards else p.wards
    due = p.due_on or (p.due_month and month_words(p.due_month))
    out = ["[u]Decision[/u]"] + _lines([
        ("Decision maker", m.describe()), ("Created", d.created_on)])
    out += ["", "[u]Forward plan entry[/u]"] + _lines([
        ("Matter", p.summary), ("Due", due), ("First published", p.first_published),
        ("Republished", p.republished), ("Contact", ", ".join(part for part in (
            p.contact.name, p.contact.title, p.contact.telephone, p.contact.email) if part)),
        ("Representations by", p.representations_deadline), ("Consultees", p.consultees),
        ("Consultation", p.consultation_method), ("Documents", p.documents),
        ("Copies from", p.documents_available_from), ("Other documents", p.other_documents_how),
        ("Wards", wards), ("Parishes", p.parishes), ("Portfolio", p.portfolio)])
    key = {True: "yes", False: "no", None: "not yet confirmed"}[k.is_key]
    out += ["", "[u]Key decision[/u]"] + _lines([
        ("Key decision", key), ("Because", k.reason),
        ("Amount", f"£{k.amount_pounds:,}" if k.amount_pounds is not None else None),
        ("Wards affected", k.wards_affected), ("Categories", k.categories)])
    if d.exception:
        e = d.exception
        out += ["", "[u]General exception[/u]"] + _lines([
            ("Chair told", e.chair_informed_on), ("Notice published", e.notice_published),
            ("Reasons", e.reasons), ("Reasons notice", e.reasons_notice_published)])
    if d.urgency:
        u = d.urgency
        out += ["", "[u]Special urgency[/u]"] + _lines([
            ("Agreed by", f"{u.agreed_by} ({word(u.role).lower()})"), ("Agreed on", u.agreed_on),
            ("Reasons", u.reasons), ("Notice published", u.notice_published)])
    if d.private:
        pr = d.private
        paras = "; ".join(f"{n}: {SCHEDULE_12A[n]}" for n in pr.paragraphs)
        out += ["", "[u]Taken in private[/u]"] + _lines([
            ("Schedule 12A", paras), ("Public interest", pr.public_interest),
            ("Exempt information", pr.exempt_information and "(recorded; never printed)"),
            ("Notice of intention", pr.intention_published),
            ("Confirmation", pr.confirmation_published),
            ("Representations", pr.representations), ("Response", pr.response)])
    return "\n".join(out)


def report(d: Decision) -> str:
    r = d.report
    pairs: list[tuple[str, Any]] = [("Key issue", r.key_issue),
             (f"Recommendation of {r.recommended_by or 'the officer'}", r.recommendation),
             ("Reasons", r.reasons), ("Alternatives and why not recommended", r.alternatives),
             ("Corporate objectives", r.corporate_objectives),
             ("Risk management", r.risk_management)]
    pairs += [(f"Implications: {label}", r.implications.get(key)) for key, label in IMPLICATIONS]
    pairs += [("Conclusions", r.conclusions), ("Appendices", r.appendices),
              ("Background documents", r.background_documents),
              ("Prepared by", r.prepared_by), ("Issued", r.issued_on)]
    return "\n".join(_lines(pairs))


def consultation(d: Decision) -> str:
    """The consultation window above the list of comments."""
    c = d.consultation
    out = _lines([("Consultation opens", c.opens_on), ("Closes", c.closes_on)])
    if c.no_comments_received:
        out.append("No comments were received.")
    if d.comments:
        out.append("[dim]↑↓ picks a comment; Enter or a records the council's response.[/dim]")
    else:
        out.append("[dim]No comments recorded. c adds one; w sets the window.[/dim]")
    return "\n".join(out)


def comment(number: int, item: Any) -> str:
    """One comment, numbered as `clerk respond --comment N` counts them."""
    who = item.author + (f", {item.organisation}" if item.organisation else "")
    out = [f"[b]{number}. {esc(who)}[/b] · {_v(item.received_on)} · {esc(item.channel)}",
           esc(item.text)]
    out.append(f"[i]Response:[/i] {esc(item.response)}" if item.response
               else "[dim]No response recorded.[/dim]")
    return "\n".join(out)


def record(d: Decision) -> str:
    out = ["[u]Record of decision[/u]"]
    r = d.record
    if r is None:
        out.append("[dim]Not decided yet.[/dim]")
    else:
        conflicts = "none declared" if r.no_conflicts else "; ".join(
            f"{c.member}: {c.interest}" + (f" (dispensation: {c.dispensation})"
                                           if c.dispensation else "") for c in r.conflicts)
        out += _lines([("Decided", r.decided_on), ("Decision", r.decision),
                       ("Reasons", r.reasons), ("Alternatives rejected", r.alternatives_rejected),
                       ("Conflicts of interest", conflicts),
                       ("Background papers", r.background_papers),
                       ("Published", r.published_on)])
    ci = d.call_in
    out += ["", "[u]Call-in[/u]"]
    if ci.urgent_exempt:
        out.append(f"Exempt as urgent: {esc(ci.exemption_consent)}")
    for request in ci.requests:
        out.append(f"Received {_v(request.received_on)} from {_v(request.members)}: "
                   f"{esc(request.grounds)}")
    if ci.outcome:
        out.append(f"[b]Outcome[/b]: {esc(word(ci.outcome))} on {_v(ci.outcome_on)}")
    if not (ci.requests or ci.urgent_exempt):
        out.append("[dim]No call-in received.[/dim]")
    ref = d.referral
    out += ["", "[u]Full Council[/u]"] + _lines([
        ("Policy framework", ref.policy_framework), ("Meeting", ref.meeting_on),
        ("Outcome", word(ref.outcome)), ("On", ref.outcome_on), ("Minute", ref.minute)])
    out += ["", "[u]Implementation[/u]"] + _lines([("Implemented", d.implemented_on)])
    if d.notices:
        out += ["", "[u]Notices published[/u]"]
        out += [f"{esc(n.kind)} · {_v(n.published_on)} · sha256 {n.sha256[:12]}"
                for n in d.notices]
    return "\n".join(out)


def _short(value: object) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) == 7 and value[4] == "-" and value[:4].isdigit():
        return month_words(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return fmt_date(date.fromisoformat(value))
        except ValueError:
            pass
    if isinstance(value, list):
        return f"{len(value)} item(s)" if value and not isinstance(value[0], str) \
            else ", ".join(value)
    if isinstance(value, dict):
        return "recorded"
    text = " ".join(str(word(value) if isinstance(value, str) else value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def field_words(path: str) -> str:
    """'plan.contact.telephone' -> 'plan › contact › telephone'."""
    return " › ".join(part.replace("_", " ") for part in path.split("."))


def history(entries: list[Any], decision: Decision | None = None) -> str:
    """Each journal entry: when, what was done (a correction with its why), and what it
    changed."""
    if not entries:
        return "[dim]No journal entries.[/dim]"
    texts = [e.action for e in entries]
    if decision is not None:
        texts = explained(texts, decision)
    out = []
    for e, text in zip(entries, texts, strict=True):
        out.append(f"[b]{e.seq:>5}[/b]  {esc(e.at.replace('T', ' '))}  {esc(text)}")
        for path, before, after in getattr(e, "changes", ()):
            out.append(f"         {esc(field_words(path))}: {esc(_short(before))} → "
                       f"{esc(_short(after))}")
    return "\n".join(out)
