"""dinnerplan: plan small-table networking dinners.

Importing this package loads nothing else, so `import dinnerplan.solver` stays free of Flask.
"""
