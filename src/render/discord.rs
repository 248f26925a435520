//! Discord message bodies (filled in by the Discord issue).
