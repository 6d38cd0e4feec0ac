"""Pure figure and map builders: DataFrame in, plotly Figure or pydeck Deck out."""
