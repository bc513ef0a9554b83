#include "trypost/version.hpp"

namespace trypost {
std::string core_version() { return TRYPOST_VERSION; }
}  // namespace trypost
