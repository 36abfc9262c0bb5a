#!/usr/bin/env python3
"""Writes tests/fixtures/import/kahoot-template.xlsx, laid out like Kahoot's quiz template:
title and instruction rows above the header (row 8), an index column A, numbers as numbers.
Made with openpyxl (pip install openpyxl); run from the repository root."""

from openpyxl import Workbook

HEADER = [
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]

ROWS = [
    [1, "Which film had the first soundtrack album?", "Snow White", "Oklahoma!", "The Band Wagon", None, 20, 1],
    [2, "Which of these are prime?", "2", "4", "3", "9", 30, "1,3"],
    [3, "Hamilton's album is a cast recording.", "True", "False", None, None, 10, 1],
    [4, "No right answer marked", "a", "b", None, None, 20, None],
    [5, "The right answer is empty", "a", "b", None, None, 20, 4],
    [6, "A time limit in words", "a", "b", None, None, "soon", 1],
    [7, None, "an answer", "without a question", None, None, 20, 1],
]

wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
ws["B1"] = "Quiz template"
ws["B2"] = "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one)."
ws["B3"] = "If several answers are correct, separate them with a comma."
ws["B5"] = "And remember, if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!"
ws.append([])
ws.append([])
for r, values in enumerate([HEADER] + ROWS, start=8):
    for c, value in enumerate(values, start=1):
        if value is not None:
            ws.cell(row=r, column=c, value=value)
ws.cell(row=16, column=2, value=None)
wb.save("tests/fixtures/import/kahoot-template.xlsx")
