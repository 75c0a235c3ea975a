// What the client and the server share: the page both map, and the call's labels.
#pragma once

#include <cstddef>

struct SharedPage {
    char text[256];
};

enum class Request : unsigned long { add = 1 };
