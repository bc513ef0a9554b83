#pragma once
// Layout rules for calendar cells, as pure functions: what a view returns is already placed, so
// the UI only paints. Posts are points in time; for overlap they get a nominal duration.
#include <cstdint>
#include <span>
#include <vector>

namespace trypost {

// A post's nominal extent inside a day, in minutes since the local day's first instant.
struct SlotSpan {
  std::int64_t start = 0, end = 0;  // end > start
};

struct SlotPlacement {
  int column = 0;   // 0-based column inside its overlap group
  int columns = 1;  // columns in that group: the cell is split this many ways
};

// Spans must be sorted by start (ties in display order). Greedy interval partitioning: each span
// takes the leftmost column that is free at its start; a group ends where no span reaches over
// the next start, so unrelated groups keep full width.
std::vector<SlotPlacement> place_in_columns(std::span<const SlotSpan> spans);

// How many of `count` items a cell with room for `max_rows` rows shows. When some must go, one
// row is given to the "+N more" line, as month grids do; max_rows <= 0 means no cap.
struct RowCut {
  int visible = 0;
  int hidden = 0;
};
RowCut cut_rows(int count, int max_rows);

}  // namespace trypost
