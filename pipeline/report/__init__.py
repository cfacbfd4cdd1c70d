"""The annual report of the plan in force: its content from the stored
rounds of a year (data.py) and its workbook, Markdown and web page (write.py).
"""
