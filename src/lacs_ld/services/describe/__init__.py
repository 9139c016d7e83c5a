"""Documents about things as people read them: their graph, paging, labels and view-models."""
