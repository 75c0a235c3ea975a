// Everything a root task owns, in one place (after Genode's Env): the boot info's untyped
// memory and empty slots, handed out as typed objects.
//
//     int main_task(sel4::Env& env) {                       // instead of the raw boot info
//         auto ep = env.allocate<sel4::cap::Endpoint>();     // Result<cap::Endpoint>
//         auto cnode = env.create(sel4::object::CNode{.size_bits = 6});
//         auto pages = env.map_pages(4);                     // fresh memory, mapped
//
// Env owns every untyped and every empty slot of the boot info: a program that takes an Env
// should not retype the boot info's untypeds itself. Errors are values (not_enough_memory,
// no_free_slot). Device memory is apart: device_frame(paddr) maps nothing but makes the frame
// capability for a physical address. Env also provides threads to std::thread and blocking
// notifications to std::mutex (sel4/thread.hpp); it is safe to use from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <sel4/alloc/slot_allocator.hpp>
#include <sel4/alloc/untyped_allocator.hpp>
#include <sel4/arch/paging.hpp>
#include <sel4/bootinfo.hpp>
#include <sel4/object.hpp>
#include <sel4/runtime/threads.hpp>
#include <sel4/sel4.hpp>

namespace sel4 {

namespace detail {
struct ThreadControl;
struct EnvProvider;
} // namespace detail

// Pages Env mapped: count pages from address on, with an unmapped page below them.
struct MappedPages {
    std::byte* address; // the first page
    std::size_t count;  // how many
};

// The root task's environment (see the top of this file).
class Env {
  public:
    explicit Env(const seL4_BootInfo& bootinfo);
    ~Env();
    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;

    // The boot info, and the initial thread's CNode, VSpace and TCB.
    const BootInfo& boot_info() const { return boot_info_; }
    static constexpr cap::CNode cnode() { return init_thread::cnode; }
    static constexpr cap::VSpace vspace() { return init_thread::vspace; }
    static constexpr cap::Tcb tcb() { return init_thread::tcb; }

    // An empty slot of the root CNode; giving one back (the caller emptied it).
    [[nodiscard]] Result<seL4_CPtr> allocate_slot();
    void free_slot(seL4_CPtr slot);

    // A new object from untyped memory, in a new slot.
    template <object::Blueprint B>
    [[nodiscard]] Result<typename B::cap_type> create(const B& blueprint) {
        auto made = create_raw(B::type, blueprint.size_bits, blueprint.object_bits());
        if (!made) return made.error();
        return typename B::cap_type(*made);
    }
    // The same, for capability types of one size: env.allocate<cap::Endpoint>().
    template <class CapType>
    [[nodiscard]] Result<CapType> allocate() {
        return create(object::default_for<CapType>{});
    }

    // The capability of the 4 KiB device frame at a physical address (not mapped).
    [[nodiscard]] Result<cap::Page> device_frame(std::uint64_t physical_address);

    // count fresh pages (zeroed by the kernel), mapped read-write at an address of their own
    // with an unmapped guard page below, and the page tables they need. Their frame
    // capabilities go to frames, as far as it is long.
    [[nodiscard]] Result<MappedPages> map_pages(std::size_t count,
                                                std::span<seL4_CPtr> frames = {});

    // Bytes of memory not handed out yet.
    std::uint64_t memory_available();

    // The cores this kernel runs on.
    seL4_Word cores() const { return boot_info_.num_nodes(); }

    // Threads (sel4/thread.hpp), behind sel4::Thread and std::thread.
    detail::ThreadControl* take_thread_control(std::size_t stack_size);
    void recycle_thread_control(detail::ThreadControl* control);
    detail::ThreadControl* find_thread(std::uintptr_t id);
    seL4_Word next_core();

  private:
    Result<seL4_CPtr> create_raw(seL4_Word type, seL4_Word size_bits, unsigned object_bits);
    Result<seL4_CPtr> create_locked(seL4_Word type, seL4_Word size_bits, unsigned object_bits);
    Result<void> map_frame_locked(seL4_CPtr frame, seL4_Word vaddr);

    BootInfo boot_info_;
    alloc::SlotAllocator slots_;
    alloc::UntypedAllocator untypeds_;
    runtime::NotificationLock lock_;
    std::uintptr_t next_vaddr_;
    std::vector<seL4_CPtr> free_notifications_;
    detail::ThreadControl* thread_pool_ = nullptr; // finished, ready for reuse
    detail::ThreadControl* running_threads_ = nullptr;
    seL4_Word next_core_ = 0;
    runtime::ThreadProvider provider_{};

    friend struct detail::EnvProvider;
};

// The window where Env maps pages (arch::mapping_window): far above the image, below the top of
// the architecture's user space.
inline constexpr std::uintptr_t env_mapping_base = arch::mapping_window;

} // namespace sel4

#include <sel4/thread.hpp>
