//! Issue 8: every class of bad input gets a clear, specific message and everything else keeps
//! working. Table tests per class, property tests for the parsers and the query planner.

mod faults;
mod knowledge;
mod props;
mod queries;
