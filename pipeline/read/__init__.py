"""The first stage, the only one that reads files: which files of the folder are read or
skipped (files.py), each read in a worker process (isolation.py) by python-calamine or,
for a sheet that is mostly empty, cell by cell (workbook.py, sheetscan.py, sparse.py,
csvfile.py), where the matrix starts (header.py) and which column a title names
(titles.py), its rows (rows.py) and the rows that only continue the item above
(continuation.py), who sent it and when (provenance.py), why a file is refused
(refusals.py), what a file without a matrix has of one (guess.py); gather.py makes the
folder one raw frame with its submissions and issues.
"""
