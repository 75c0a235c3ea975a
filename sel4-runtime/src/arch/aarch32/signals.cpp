// picolibc for arm-none-eabi implements raise() with POSIX getpid() and kill(); seL4 has no
// signals, so a raised signal is fatal.
#include <sel4/runtime/runtime.hpp>

extern "C" int getpid() {
    return 1;
}

extern "C" int kill(int, int signal) {
    char message[] = "signal 00 raised";
    message[7] = static_cast<char>('0' + signal / 10 % 10);
    message[8] = static_cast<char>('0' + signal % 10);
    sel4::runtime::fatal(message);
}
