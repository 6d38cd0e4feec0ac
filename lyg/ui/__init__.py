"""Streamlit pieces shared by the pages (the only part of lyg that imports streamlit)."""
