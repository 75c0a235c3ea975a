// A thread's registers (seL4_UserContext), with the few every architecture names differently.
#pragma once

#include <sel4/arch/user_context.hpp> // arch/<arch>/include/, chosen by the build
