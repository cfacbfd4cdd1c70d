"""The last stage, the only one that writes files, each set written aside and moved into
place whole (staging.py; publish.py makes a set visible as one transaction that a run
interrupted on the way leaves for the next to finish or undo; manifest.py keeps the record
of what a command wrote): a round's outputs (round.py), consolidado.xlsx (consolidated.py,
summary.py), the CSV tables (csvfile.py), the feedback workbooks (feedback.py), the
overdue lists (overdue_lists.py), Markdown (markdown.py); workbooks through xlsxwriter
(xlsx.py) with rows streamed as XML (xmlrows.py), comments written at once (notes.py) and
the parts every workbook shares compressed once (package.py); file names made safe from
input text (filenames.py).
"""
