"""One module per wall panel, each with show(ctx)."""
