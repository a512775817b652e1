// Package indexes handles sets of completion indexes and their text form, as Indexed Jobs
// write them in status.completedIndexes and status.failedIndexes and as success policy
// rules name them in succeededIndexes.
//
// # Grammar
//
// An index list is empty, or fragments separated by commas; a fragment is an index or two
// indexes separated by a hyphen:
//
//	list     = "" | fragment *( "," fragment )
//	fragment = index [ "-" index ]
//	index    = [ "+" ] 1*DIGIT
//
// The canonical form, which the Job controller writes and [Set.String] returns, lists
// sorted, disjoint, non-adjacent intervals: a single index as "4", a run of two as "7,8"
// (a comma, not a hyphen) and a run of three or more as "3-5", with plain decimal numbers:
// {1, 3, 4, 5, 7} is "1,3-5,7".
//
// # Two readers
//
// The API server and the controller read index lists differently, and this package has
// both:
//
//   - [Parse] is the API server's strict check. It accepts the grammar above with every
//     index below completions, the two indexes of a fragment increasing, and each fragment
//     after the previous one — so non-canonical lists such as "1-2", "1,2,3", "+1" and
//     "007" are valid. Anything else is a [*ParseError] that says what is wrong and where.
//     [Validate] does the same check without building a set and without allocating.
//   - [ParseIntervals] is the controller's tolerant reading, which never fails: it skips
//     fragments that do not read, stops at the first fragment that starts at or above
//     completions, clamps an interval's end to completions-1, and keeps hand-edited disorder,
//     overlaps and reversed pairs as it finds them. [ParseTolerant] returns that reading as
//     a canonical Set.
//
// # Sets
//
// A [Set] is an immutable set of non-negative indexes stored as sorted, disjoint,
// non-adjacent intervals. The zero Set is the empty set. Its algebra works on intervals,
// never on expanded indexes, so sets of a hundred thousand indexes cost what their intervals
// cost.
package indexes
