// Replaces libstdc++'s "gnu" locale model header (it needs glibc's locale_t) with the generic
// model's contract: a C locale handle that is a plain pointer, the same size as glibc's, and
// the same number of categories, so that class layouts match the compiled library.
#pragma GCC system_header
#ifndef SEL4_CPP_CXXLOCALE_H
#define SEL4_CPP_CXXLOCALE_H

#include <clocale>

#define _GLIBCXX_C_LOCALE_GNU 1
#define _GLIBCXX_NUM_CATEGORIES 6

namespace std _GLIBCXX_VISIBILITY(default) {
    _GLIBCXX_BEGIN_NAMESPACE_VERSION

    typedef struct __locale_struct* __c_locale;

    // Formats a number for the locale facets; there is only the "C" locale here.
    inline int __convert_from_v(const __c_locale&, char* __out, const int __size, const char* __fmt,
                                ...) {
        __builtin_va_list __args;
        __builtin_va_start(__args, __fmt);
        const int __ret = __builtin_vsnprintf(__out, __size, __fmt, __args);
        __builtin_va_end(__args);
        return __ret;
    }

    _GLIBCXX_END_NAMESPACE_VERSION
} // namespace )

#endif
