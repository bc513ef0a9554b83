#include "trypost/layout.hpp"

#include <algorithm>

namespace trypost {

std::vector<SlotPlacement> place_in_columns(std::span<const SlotSpan> spans) {
  std::vector<SlotPlacement> out(spans.size());
  std::vector<std::int64_t> column_end;  // end of the last span in each column of the open group
  std::size_t group_first = 0;
  std::int64_t group_end = 0;
  auto close_group = [&](std::size_t upto) {
    const int n = int(column_end.size());
    for (std::size_t k = group_first; k < upto; ++k) out[k].columns = n;
    column_end.clear();
    group_first = upto;
  };
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const auto& s = spans[i];
    if (i > group_first && s.start >= group_end) close_group(i);
    int col = -1;
    for (std::size_t c = 0; c < column_end.size(); ++c)
      if (column_end[c] <= s.start) {
        col = int(c);
        break;
      }
    if (col < 0) {
      col = int(column_end.size());
      column_end.push_back(s.end);
    } else {
      column_end[std::size_t(col)] = s.end;
    }
    out[i].column = col;
    group_end = (i == group_first) ? s.end : std::max(group_end, s.end);
  }
  close_group(spans.size());
  return out;
}

RowCut cut_rows(int count, int max_rows) {
  if (count < 0) count = 0;
  if (max_rows <= 0 || count <= max_rows) return {count, 0};
  const int visible = max_rows - 1;
  return {visible, count - visible};
}

}  // namespace trypost
