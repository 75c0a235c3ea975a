/* libstdc++ as Debian builds it expects glibc's <features.h>; the C libraries we use have
 * <sys/features.h> instead. */
#pragma once
#include <sys/features.h>
#ifndef __GLIBC_PREREQ
#define __GLIBC_PREREQ(major, minor) 0
#endif
