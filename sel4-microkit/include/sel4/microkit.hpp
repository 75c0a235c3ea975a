// A Microkit protection domain in C++: a class with the handlers, named once.
//
//     class Server : public sel4::microkit::ProtectionDomain {
//         void init() override { ... }
//         void notified(sel4::microkit::Channel channel) override { ... }
//         sel4::MessageInfo protected_call(sel4::microkit::Channel, sel4::MessageInfo) override;
//     };
//     SEL4_MICROKIT_PD(Server)                       // or (Server, .heap_size = 1 << 20)
//
// The runtime (shared with root tasks) gives the PD thread-local storage, a heap, the C and C++
// libraries, constructors and exceptions, and runs the event loop: notifications, protected
// procedure calls and child faults arrive as calls of these methods. A deferred notify or IRQ
// ack is sent with the next receive, as libmicrokit does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <sel4/message.hpp>
#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

namespace sel4::microkit {

// The PD's capability slots, as the Microkit tool lays them out.
namespace slot {
inline constexpr seL4_CPtr input = 1;
inline constexpr seL4_CPtr reply = 4;
inline constexpr seL4_CPtr monitor = 5;
inline constexpr seL4_CPtr own_tcb = 6;
inline constexpr seL4_CPtr notification_base = 10;
inline constexpr seL4_CPtr endpoint_base = 74;
inline constexpr seL4_CPtr irq_base = 138;
inline constexpr seL4_CPtr child_tcb_base = 202;
} // namespace slot

// Channel ids are 0 to max_channels - 1.
inline constexpr unsigned max_channels = 62;

// This PD's name, as the system description gives it.
std::string_view name();

// A channel of this PD (its id in the system description). Using a channel the PD does not
// have stops the PD with a message naming the channel and the PD.
class Channel {
  public:
    constexpr explicit Channel(unsigned id) : id_(id) {}
    constexpr unsigned id() const { return id_; }

    // Signals the PD at the other end.
    void notify() const;
    // Acknowledges the interrupt this channel delivers, so that it can come again.
    void irq_ack() const;
    // Calls the PD at the other end (a protected procedure call); returns its reply.
    MessageInfo pp_call(MessageInfo message) const;
    // Sent with the event loop's next receive (one per handler at most, as in libmicrokit).
    void deferred_notify() const;
    void deferred_irq_ack() const;

    // The same channel.
    friend constexpr bool operator==(Channel a, Channel b) { return a.id_ == b.id_; }

  private:
    unsigned id_;
};

// A child PD (its id in the system description), for fault handling and restarts.
class Child {
  public:
    constexpr explicit Child(unsigned id) : id_(id) {}
    constexpr unsigned id() const { return id_; }
    void restart(seL4_Word entry_point) const;
    void stop() const;

  private:
    unsigned id_;
};

// A protection domain: derive from it, override the handlers the PD needs, and name the class
// once with SEL4_MICROKIT_PD. The handlers run one at a time, in the PD's event loop.
class ProtectionDomain {
  public:
    // Runs once, before any other handler.
    virtual void init() = 0;
    // A channel was notified (or its interrupt came).
    virtual void notified(Channel channel);
    // A protected procedure call from a client; returns the reply.
    virtual MessageInfo protected_call(Channel channel, MessageInfo message);
    // A child faulted; a returned message resumes it with that reply, nullopt leaves it.
    virtual std::optional<MessageInfo> fault(Child child, MessageInfo message);

    // What the defaults do: stop the PD with a message naming it and the channel or child.
    [[noreturn]] static MessageInfo default_protected_call(Channel channel, MessageInfo message);
    // What the default fault handler does (see default_protected_call).
    [[noreturn]] static std::optional<MessageInfo> default_fault(Child child, MessageInfo message);

  protected:
    // Not virtual: a PD lives for good and is never deleted through this base (no deleting
    // destructor, hence no operator delete and no heap in PDs that allocate nothing).
    ~ProtectionDomain() = default;
};

// A memory region the system description binds with setvar: the Microkit tool writes the
// region's address into this 8-byte object. Declare it at namespace scope, with C linkage and
// the setvar's name:   extern "C" sel4::microkit::Region<Message> shared;
template <class T>
struct Region {
    std::uintptr_t address; // written by the Microkit tool
    // The region, as a T.
    T* get() const { return reinterpret_cast<T*>(address); }
    // The region's members.
    T* operator->() const { return get(); }
    // The region, as a T.
    T& operator*() const { return *get(); }
};
static_assert(sizeof(Region<int>) == 8);

// The PD's sizes, chosen in SEL4_MICROKIT_PD (e.g. `.heap_size = 1 << 20`).
struct Config {
    std::size_t heap_size = 256 * 1024; // the heap behind malloc and new, in bytes
};

namespace detail {
// Runs the PD: init(), then the event loop. Never returns.
[[noreturn]] void run(ProtectionDomain& pd);
} // namespace detail

} // namespace sel4::microkit

// Defines the PD's object, heap and entry; optional designated initializers of
// sel4::microkit::Config follow the class.
#define SEL4_MICROKIT_PD(pd_class, ...)                                                            \
    namespace sel4_microkit_image {                                                                \
    constexpr ::sel4::microkit::Config config{__VA_ARGS__};                                        \
    constinit ::sel4::runtime::StaticMemory<config.heap_size> heap;                                \
    }                                                                                              \
    extern "C" std::byte* const sel4_runtime_heap_start = sel4_microkit_image::heap.bytes;         \
    extern "C" const std::size_t sel4_runtime_heap_size = sel4_microkit_image::config.heap_size;   \
    namespace sel4_microkit_image {                                                                \
    /* At namespace scope: constructed with the other static objects, no guard. */                 \
    pd_class protection_domain;                                                                    \
    }                                                                                              \
    extern "C" [[noreturn]] void sel4_microkit_main() {                                            \
        ::sel4::microkit::detail::run(sel4_microkit_image::protection_domain);                     \
    }
