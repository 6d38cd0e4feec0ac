"""The brief (简报): the overview's headline figures and alerts, two charts and a provenance note, as .docx or PDF."""
from lyg.brief.compose import Brief, BriefError, compose
from lyg.brief.write import FORMATS, render

__all__ = ["FORMATS", "Brief", "BriefError", "compose", "render"]
