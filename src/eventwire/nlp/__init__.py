"""NLP: the spaCy model loaded once, news-specific sentence fixes, safe handling of long texts."""

from .chunks import split_text
from .model import load_model, load_parse_only, model_name

__all__ = ["load_model", "load_parse_only", "model_name", "split_text"]
