"""Baseline for a cold notice: a process that builds a one-paragraph reportlab PDF."""

import sys
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

buffer = BytesIO()
SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(
    [Paragraph("Record of decision: the Community Safety Partnership Plan is approved.",
               getSampleStyleSheet()["Normal"])])
with open(sys.argv[1], "wb") as out:
    out.write(buffer.getvalue())
