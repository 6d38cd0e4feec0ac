"""Import of department files into data/: read, map Chinese headers, validate, apply all or nothing."""
