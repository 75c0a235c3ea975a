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
// procedure calls and child faults arrive as calls of these methods (or of a Handler bound to
// the channel). Every IRQ is acknowledged once before the first receive, as libmicrokit does
// since 2.1.0. A deferred notify or IRQ ack is sent with the next receive, as libmicrokit does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <sel4/message.hpp>
#include <sel4/microkit/slots.h>
#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

namespace sel4::microkit {

// The PD's capability slots, as the Microkit tool lays them out (sel4/microkit/slots.h, which
// the C API's microkit.h shares).
namespace slot {
inline constexpr seL4_CPtr input = INPUT_CAP;
inline constexpr seL4_CPtr fault_endpoint = FAULT_EP_CAP;
inline constexpr seL4_CPtr vspace = VSPACE_CAP;
inline constexpr seL4_CPtr reply = REPLY_CAP;
inline constexpr seL4_CPtr monitor = MONITOR_EP;
inline constexpr seL4_CPtr own_tcb = TCB_CAP;
inline constexpr seL4_CPtr notification_base = BASE_OUTPUT_NOTIFICATION_CAP;
inline constexpr seL4_CPtr endpoint_base = BASE_ENDPOINT_CAP;
inline constexpr seL4_CPtr irq_base = BASE_IRQ_CAP;
inline constexpr seL4_CPtr child_tcb_base = BASE_TCB_CAP;
inline constexpr seL4_CPtr vm_tcb_base = BASE_VM_TCB_CAP;
inline constexpr seL4_CPtr vcpu_base = BASE_VCPU_CAP;
} // namespace slot

// Channel ids are below this.
inline constexpr unsigned max_channels = MICROKIT_MAX_CHANNELS;

// This PD's name, as the system description gives it.
std::string_view name();

// A channel of this PD (its id in the system description). Using a channel the PD does not
// have stops the PD with a message naming the channel and the PD.
class Channel {
  public:
    // The channel with this id, and its id.
    constexpr explicit Channel(unsigned id) : id_(id) {}
    constexpr unsigned id() const { return id_; }

    // Signals the PD at the other end.
    void notify() const;
    // Acknowledges the channel's interrupt, so that the next one is delivered.
    void irq_ack() const;
    // A protected procedure call to the PD at the other end; returns its reply.
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
    // The child with this id, and its id.
    constexpr explicit Child(unsigned id) : id_(id) {}
    constexpr unsigned id() const { return id_; }
    // Starts it again at entry_point.
    void restart(seL4_Word entry_point) const;
    // Suspends it.
    void stop() const;

  private:
    unsigned id_;
};

// A protection domain: derive from it, override what the PD handles, name it with
// SEL4_MICROKIT_PD.
class ProtectionDomain {
  public:
    // Called once, before any event.
    virtual void init() = 0;
    // A notification or interrupt on a channel no Handler is bound to.
    virtual void notified(Channel channel);
    // A protected procedure call from a client; returns the reply.
    virtual MessageInfo protected_call(Channel channel, MessageInfo message);
    // A child faulted; a returned message resumes it with that reply, nullopt leaves it.
    virtual std::optional<MessageInfo> fault(Child child, MessageInfo message);

    // What the defaults do: stop the PD with a message naming it and the channel or child.
    [[noreturn]] static MessageInfo default_protected_call(Channel channel, MessageInfo message);
    // (the same, for faults)
    [[noreturn]] static std::optional<MessageInfo> default_fault(Child child, MessageInfo message);

  protected:
    // Not virtual: a PD lives for good and is never deleted through this base (no deleting
    // destructor, hence no operator delete and no heap in PDs that allocate nothing).
    ~ProtectionDomain() = default;
};

namespace detail {
// A handler bound to one channel, called instead of notified() for it.
class ChannelHandler {
  public:
    virtual void handle() = 0;

  protected:
    explicit ChannelHandler(Channel channel);
    ~ChannelHandler();
    ChannelHandler(const ChannelHandler&) = delete;
    ChannelHandler& operator=(const ChannelHandler&) = delete;

  private:
    Channel channel_;
};
} // namespace detail

// Binds a notification or IRQ channel to a member function (after Genode's Signal_handler):
//
//     class Driver : public ProtectionDomain {
//         Handler<Driver> irq{*this, Channel(3), &Driver::on_interrupt};
//         void on_interrupt() { ...; Channel(3).irq_ack(); }
//     };
//
// A bound channel's events go to its handler; the others to notified(). Binding a channel
// twice stops the PD.
template <class Owner>
class Handler : public detail::ChannelHandler {
  public:
    // Binds channel to owner.method() (the PD's constructor runs it, before init()).
    Handler(Owner& owner, Channel channel, void (Owner::*method)())
        : ChannelHandler(channel), owner_(owner), method_(method) {}
    // Calls the method (the event loop does).
    void handle() override { (owner_.*method_)(); }

  private:
    Owner& owner_;
    void (Owner::*method_)();
};

// A memory region the system description binds with setvar: the Microkit tool writes the
// region's address into this 8-byte object. Declare it at namespace scope, with C linkage and
// the setvar's name:   extern "C" sel4::microkit::Region<Message> shared;
// For memory shared with other PDs; T may be an array element (region[i]).
template <class T>
struct Region {
    // The region's address, written by the Microkit tool.
    std::uintptr_t address;

    // The region as a T.
    T* get() const { return reinterpret_cast<T*>(address); }
    // Its members.
    T* operator->() const { return get(); }
    // The T itself.
    T& operator*() const { return *get(); }
    // The index'th T of an array.
    T& operator[](std::size_t index) const { return get()[index]; }
};

static_assert(sizeof(Region<int>) == 8);

// A region of device registers (setvar as for Region): every access is one volatile load or
// store of the register's width, at a byte offset, never merged or reordered by the compiler.
//     extern "C" sel4::microkit::DeviceRegion uart;
//     uart.write<std::uint32_t>(0x00, 'A'); if (uart.read<std::uint32_t>(0x18) & 0x20) ...
struct DeviceRegion {
    std::uintptr_t address; // written by the Microkit tool
    // The register of type T at a byte offset.
    template <class T = std::uint32_t>
    T read(std::size_t offset) const {
        return *reinterpret_cast<const volatile T*>(address + offset);
    }
    // Stores value into the register at a byte offset.
    template <class T = std::uint32_t>
    void write(std::size_t offset, T value) const {
        *reinterpret_cast<volatile T*>(address + offset) = value;
    }
};
static_assert(sizeof(DeviceRegion) == 8);

// What SEL4_MICROKIT_PD's optional designated initializers set.
struct Config {
    std::size_t heap_size = 256 * 1024; // bytes of heap behind malloc and new
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
