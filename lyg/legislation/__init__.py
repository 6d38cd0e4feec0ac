"""Public participation in government legislation: stages, events, compliance rules, adoption."""
