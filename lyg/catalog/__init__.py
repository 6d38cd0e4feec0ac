"""The data-resource catalog (大数据资源目录): search, facets, freshness, scorecards, quality, import."""
