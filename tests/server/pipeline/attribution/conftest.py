"""Make this folder's helper (attribution_articles.py) importable under importlib mode."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
