#pragma once
// Shared by the two ways a snapshot is made, snapshot.cpp (from the workspace export) and
// api_snapshot.cpp (from the API's own answers). Not part of the public headers.
#include <string>

#include "trypost/snapshot.hpp"

namespace trypost::snapshot_parts {

// The last step of reading a snapshot: its export time (ISO text), when one is given, and the
// verdict: the snapshot, or every problem found while reading it.
Expected<WorkspaceSnapshot> finish_snapshot(WorkspaceSnapshot s, ApiError& err, const std::string* exported_at);

}  // namespace trypost::snapshot_parts
