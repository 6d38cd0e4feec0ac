"""Access control: roles and what each may see, local accounts, the wall token (no streamlit here)."""
