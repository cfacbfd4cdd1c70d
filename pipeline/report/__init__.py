"""The annual report of the CRM Strategic Plan (section 4.2): its content from the stored
rounds of a year (data.py) and its workbook, Markdown and web page (write.py).
"""
