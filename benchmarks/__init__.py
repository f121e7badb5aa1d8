"""Benchmark scripts (run each as `python benchmarks/NAME.py`); figures in README.md."""
