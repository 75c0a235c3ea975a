// Threads of the root task's address space: sel4::Thread runs a callable in a new TCB with its
// own stack (below a guard page), TLS and IPC buffer, on MCS kernels (with a scheduling
// context on its core) and others, on any core of an SMP kernel. std::thread runs on it.
//
//     auto worker = sel4::Thread::start(env, [&] { work(); }, {.core = 1});
//     worker->join();                     // or let ~Thread join
//
// A finished thread's kernel objects and memory are kept by the Env and reused by the next.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

#include <sel4/env.hpp>
#include <sel4/runtime/runtime.hpp>
#include <sel4/user_context.hpp>

namespace sel4 {

// How a thread starts (designated initializers: {.core = 1}).
struct ThreadOptions {
    seL4_Word priority = seL4_MaxPrio;  // the root task's own
    std::size_t stack_size = 64 * 1024; // bytes, rounded up to pages
    seL4_Word core = 0;                 // SMP kernels: the core it runs on
    // Where its faults go, as a fault message with this badge (null: the kernel reports the
    // fault on its console and the thread stops).
    cap::Endpoint fault_endpoint{};
    seL4_Word fault_badge = 0;   // the badge its fault messages carry
    const char* name = "thread"; // for the kernel's debug output
};

namespace detail {

// A thread's kernel objects and memory, and the call it runs.
struct ThreadControl {
    cap::Tcb tcb;
    cap::Notification done;
    cap::SchedContext scheduling_context; // MCS kernels
    seL4_CPtr fault_slot = 0;             // the badged fault endpoint it was given
    std::byte* stack_bottom = nullptr;
    std::size_t stack_size = 0;
    seL4_IPCBuffer* ipc_buffer = nullptr;
    cap::Page ipc_frame;
    std::byte* tls = nullptr;
    std::size_t tls_size = 0;
    std::uintptr_t thread_pointer = 0;
    void* (*start)(void*) = nullptr;
    void* argument = nullptr;
    void* result = nullptr;
    // 0 running, 1 finished, 2 detached (nobody will join).
    std::atomic<int> state{0};
    ThreadControl* next = nullptr;
};

[[noreturn]] inline void thread_entry(seL4_Word argument) {
    auto* control = reinterpret_cast<ThreadControl*>(argument);
    seL4_SetIPCBuffer(control->ipc_buffer);
    runtime::set_current_thread_tcb(control->tcb.cptr());
    control->result = control->start(control->argument);
    const auto self = control->tcb;
    const auto done = control->done;
    int expected = 0;
    if (!control->state.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
        // Detached: nobody joins, so the thread recycles itself (the next user suspends it
        // before reusing anything).
        if (const auto* provider = runtime::thread_provider())
            static_cast<Env*>(provider->context)->recycle_thread_control(control);
    } else {
        done.signal();
    }
    for (;;)
        seL4_TCB_Suspend(self.cptr());
}

// Scheduling, per kind of kernel; templates so that only this kernel's calls are compiled.
template <class Tcb>
Result<void> schedule(Env& env, ThreadControl& c, Tcb tcb, const ThreadOptions& options) {
    const auto buffer = reinterpret_cast<seL4_Word>(c.ipc_buffer);
    if constexpr (config::is_mcs) {
        // Dependent on Tcb, so that non-MCS kernels (no SchedControl methods) skip it.
        using SchedControl = Cap<std::conditional_t<sizeof(Tcb) != 0, tag::SchedControl, void>>;
        const auto first_sched_control = [](const auto& bootinfo) {
            return bootinfo.schedcontrol.start;
        };
        const auto sched_control =
            SchedControl(first_sched_control(env.boot_info().raw()) + options.core);
        constexpr seL4_Time period_us = 2000;
        if (auto r =
                sched_control.configure_flags(c.scheduling_context, period_us, period_us, 0, 0, 0);
            !r)
            return r;
        if (auto r = tcb.configure(env.cnode(), 0, env.vspace(), 0, buffer, c.ipc_frame); !r)
            return r;
        return tcb.set_sched_params(env.tcb(), options.priority, options.priority,
                                    c.scheduling_context, cap::Endpoint(c.fault_slot));
    } else {
        if (auto r = tcb.configure(CPtr(c.fault_slot), env.cnode(), 0, env.vspace(), 0, buffer,
                                   c.ipc_frame);
            !r)
            return r;
        if constexpr (config::max_num_nodes > 1)
            if (auto r = tcb.set_affinity(options.core); !r) return r;
        return tcb.set_priority(env.tcb(), options.priority);
    }
}

// Starts start(argument) in a thread from the Env's pool or a new one.
inline Result<ThreadControl*> start_thread(Env& env, void* (*start)(void*), void* argument,
                                           const ThreadOptions& options) {
    if (options.core >= env.cores()) return Error::invalid_argument;
    ThreadControl* c = env.take_thread_control(options.stack_size);
    if (!c) return Error::not_enough_memory;
    (void)c->tcb.suspend(); // a recycled thread may not have suspended itself yet
    c->start = start;
    c->argument = argument;
    c->result = nullptr;
    c->state.store(0, std::memory_order_relaxed);
    if (c->fault_slot) {
        (void)env.cnode().delete_(c->fault_slot, seL4_WordBits);
    } else if (options.fault_endpoint.cptr()) {
        auto slot = env.allocate_slot();
        if (!slot) return slot.error();
        c->fault_slot = *slot;
    }
    if (options.fault_endpoint.cptr()) {
        if (auto r = env.cnode().mint(c->fault_slot, seL4_WordBits, env.cnode(),
                                      options.fault_endpoint.cptr(), seL4_WordBits, seL4_AllRights,
                                      options.fault_badge);
            !r)
            return r.error();
    }
    if (auto r = schedule(env, *c, c->tcb, options); !r) {
        env.recycle_thread_control(c);
        return r.error();
    }
#ifdef CONFIG_DEBUG_BUILD
    debug::name_thread(c->tcb, options.name);
#endif
    c->thread_pointer = runtime::initialize_thread_tls(c->tls, c->tls_size);
    seL4_UserContext registers{};
    arch::set_entry(registers, reinterpret_cast<seL4_Word>(&thread_entry),
                    reinterpret_cast<seL4_Word>(c->stack_bottom + c->stack_size),
                    reinterpret_cast<seL4_Word>(c), c->thread_pointer);
    if (auto r = c->tcb.write_registers(true, 0, sizeof registers / sizeof(seL4_Word), registers);
        !r) {
        env.recycle_thread_control(c);
        return r.error();
    }
    return c;
}

// Waits for the thread to finish; its objects go back to the Env.
inline void* join_thread(Env& env, ThreadControl* c) {
    while (c->state.load(std::memory_order_acquire) != 1)
        (void)c->done.wait();
    void* result = c->result;
    env.recycle_thread_control(c);
    return result;
}

} // namespace detail

// A thread of this address space (see the top of this file).
class Thread {
  public:
    // Runs function() in a new thread.
    template <class F>
    [[nodiscard]] static Result<Thread> start(Env& env, F&& function,
                                              const ThreadOptions& options = {}) {
        using Function = std::decay_t<F>;
        auto callable = std::make_unique<Function>(std::forward<F>(function));
        auto run = [](void* argument) -> void* {
            std::unique_ptr<Function> owned(static_cast<Function*>(argument));
            (*owned)();
            return nullptr;
        };
        auto started = detail::start_thread(env, run, callable.get(), options);
        if (!started) return started.error();
        callable.release(); // the thread owns it now
        return Thread(env, *started);
    }

    // Threads move (the moved-from one is empty).
    Thread(Thread&& other) noexcept
        : env_(other.env_), control_(std::exchange(other.control_, nullptr)) {}
    Thread& operator=(Thread&& other) noexcept {
        if (this != &other) {
            if (joinable()) join();
            env_ = other.env_;
            control_ = std::exchange(other.control_, nullptr);
        }
        return *this;
    }
    // Joins, as std::jthread does.
    ~Thread() {
        if (joinable()) join();
    }

    // Whether it still has a thread to join.
    bool joinable() const { return control_ != nullptr; }
    // Waits until the function has returned.
    void join() {
        if (control_) detail::join_thread(*env_, std::exchange(control_, nullptr));
    }
    // Lets it run on its own; its objects go back to the Env when it finishes.
    void detach() {
        if (!control_) return;
        int expected = 0;
        if (!control_->state.compare_exchange_strong(expected, 2, std::memory_order_acq_rel))
            env_->recycle_thread_control(control_); // already finished
        control_ = nullptr;
    }

    // Its TCB.
    cap::Tcb tcb() const { return control_ ? control_->tcb : cap::Tcb(); }
    // What pthread_self() returns in the thread (its thread pointer).
    std::uintptr_t id() const { return control_ ? control_->thread_pointer : 0; }

  private:
    Thread(Env& env, detail::ThreadControl* control) : env_(&env), control_(control) {}
    Env* env_;
    detail::ThreadControl* control_;
};

// ---- Env's definitions (here, where ThreadControl is complete) ----

namespace detail {
// The runtime's view of an Env: threads for pthread_create, notifications for locks.
struct EnvProvider {
    static int create(void* context, void* (*start)(void*), void* argument,
                      std::uintptr_t* handle) {
        auto& env = *static_cast<Env*>(context);
        ThreadOptions options;
        // std::threads stay on the first core: spread over the cores of the riscv64 SMP kernel,
        // the std::thread test hung now and then (not yet understood); sel4::Thread takes .core.
        options.core = 0;
        options.name = "std::thread";
        auto started = detail::start_thread(env, start, argument, options);
        if (!started)
            return started.error() == Error::invalid_argument ? 22 /* EINVAL */
                                                              : 11 /* EAGAIN */;
        *handle = (*started)->thread_pointer;
        return 0;
    }
    static int join(void* context, std::uintptr_t handle, void** result) {
        auto& env = *static_cast<Env*>(context);
        auto* control = env.find_thread(handle);
        if (!control) return 3; // ESRCH
        void* value = detail::join_thread(env, control);
        if (result) *result = value;
        return 0;
    }
    static int detach(void* context, std::uintptr_t handle) {
        auto& env = *static_cast<Env*>(context);
        auto* control = env.find_thread(handle);
        if (!control) return 3; // ESRCH
        int expected = 0;
        if (!control->state.compare_exchange_strong(expected, 2, std::memory_order_acq_rel))
            env.recycle_thread_control(control);
        return 0;
    }
    static seL4_CPtr allocate_notification(void* context) {
        auto& env = *static_cast<Env*>(context);
        env.lock_.lock();
        seL4_CPtr n = 0;
        if (!env.free_notifications_.empty()) {
            n = env.free_notifications_.back();
            env.free_notifications_.pop_back();
            env.lock_.unlock();
            // A notification may come back still signalled: clear it.
            (void)cap::Notification(n).poll();
            return n;
        }
        auto made = env.create_locked(seL4_NotificationObject, 0, seL4_NotificationBits);
        env.lock_.unlock();
        return made ? *made : 0;
    }
    static void free_notification(void* context, seL4_CPtr notification) {
        auto& env = *static_cast<Env*>(context);
        env.lock_.lock();
        env.free_notifications_.push_back(notification);
        env.lock_.unlock();
    }
};

} // namespace detail

inline Env::Env(const seL4_BootInfo& bootinfo)
    : boot_info_(bootinfo),
      slots_(boot_info_use.first_free_slot ? boot_info_use.first_free_slot : bootinfo.empty.start,
             bootinfo.empty.end),
      next_vaddr_(env_mapping_base) {
    std::size_t index = 0;
    for (const auto untyped : boot_info_.untypeds()) {
        untypeds_.add(index, untyped.physical_address, untyped.size_bits, untyped.is_device,
                      boot_info_use.untyped_bytes_used[index]);
        ++index;
    }
    // The lock's own notification, made before anything can contend.
    if (auto n = create_locked(seL4_NotificationObject, 0, seL4_NotificationBits))
        lock_.set_notification(*n);
    else
        runtime::fatal("sel4::Env: no memory for its first notification");
    free_notifications_.reserve(64);
    provider_ = {&detail::EnvProvider::create,
                 &detail::EnvProvider::join,
                 &detail::EnvProvider::detach,
                 &detail::EnvProvider::allocate_notification,
                 &detail::EnvProvider::free_notification,
                 this};
    runtime::set_thread_provider(&provider_);
}

inline Env::~Env() {
    if (runtime::thread_provider() == &provider_) runtime::set_thread_provider(nullptr);
}

inline Result<seL4_CPtr> Env::allocate_slot() {
    lock_.lock();
    const auto slot = slots_.allocate();
    lock_.unlock();
    if (!slot) return Error::no_free_slot;
    return static_cast<seL4_CPtr>(*slot);
}

inline void Env::free_slot(seL4_CPtr slot) {
    lock_.lock();
    slots_.free(slot);
    lock_.unlock();
}

inline Result<seL4_CPtr> Env::create_raw(seL4_Word type, seL4_Word size_bits,
                                         unsigned object_bits) {
    lock_.lock();
    auto made = create_locked(type, size_bits, object_bits);
    lock_.unlock();
    return made;
}

inline Result<seL4_CPtr> Env::create_locked(seL4_Word type, seL4_Word size_bits,
                                            unsigned object_bits) {
    const auto slot = slots_.allocate();
    if (!slot) return Error::no_free_slot;
    const auto placement = untypeds_.allocate(object_bits);
    if (!placement) {
        slots_.free(*slot);
        return Error::not_enough_memory;
    }
    const cap::Untyped untyped(boot_info_.raw().untyped.start + placement->index);
    const int error =
        seL4_Untyped_Retype(untyped.cptr(), type, size_bits, cnode().cptr(), 0, 0, *slot, 1);
    if (error != seL4_NoError) {
        slots_.free(*slot);
        return detail::to_error(error);
    }
    return static_cast<seL4_CPtr>(*slot);
}

inline Result<cap::Page> Env::device_frame(std::uint64_t physical_address) {
    lock_.lock();
    const auto placement = untypeds_.allocate_device(physical_address, seL4_PageBits);
    if (!placement) {
        lock_.unlock();
        return Error::not_enough_memory;
    }
    const cap::Untyped untyped(boot_info_.raw().untyped.start + placement->frame.index);
    Result<cap::Page> result = Error::no_free_slot;
    // Fillers move the untyped's free index up to the frame; their slots are reused.
    for (const unsigned bits : placement->fillers) {
        const auto slot = slots_.allocate();
        if (!slot) break;
        (void)untyped.retype(object::Untyped{.size_bits = bits}, *slot);
        slots_.free(*slot); // the filler stays allocated in the kernel; the slot is reused
        (void)cnode().delete_(*slot, seL4_WordBits);
    }
    if (const auto slot = slots_.allocate()) {
        result = untyped.retype(object::Page{}, *slot);
        if (!result) slots_.free(*slot);
    }
    lock_.unlock();
    return result;
}

inline Result<void> Env::map_frame_locked(seL4_CPtr frame, seL4_Word vaddr) {
    for (int level = 0; level < 4; ++level) {
        auto mapped = arch::map_page(frame, vspace(), vaddr);
        if (mapped.error() != Error::failed_lookup) return mapped;
        const auto type = arch::missing_table_object();
        auto table = create_locked(type, 0, seL4_PageTableBits);
        if (!table) return table.error();
        if (auto r = arch::map_table(type, *table, vspace(), vaddr); !r) return r;
    }
    return Error::failed_lookup;
}

inline Result<MappedPages> Env::map_pages(std::size_t count, std::span<seL4_CPtr> frames) {
    if (count == 0) return Error::invalid_argument;
    lock_.lock();
    const std::uintptr_t start = next_vaddr_ + (std::uintptr_t{1} << seL4_PageBits); // guard
    next_vaddr_ = start + (count << seL4_PageBits);
    for (std::size_t i = 0; i < count; ++i) {
        auto frame = create_locked(object::Page::type, 0, seL4_PageBits);
        if (!frame) {
            lock_.unlock();
            return frame.error();
        }
        if (i < frames.size()) frames[i] = *frame;
        if (auto r = map_frame_locked(*frame, start + (i << seL4_PageBits)); !r) {
            lock_.unlock();
            return r.error();
        }
    }
    lock_.unlock();
    return MappedPages{reinterpret_cast<std::byte*>(start), count};
}

inline std::uint64_t Env::memory_available() {
    lock_.lock();
    const auto bytes = untypeds_.memory_available();
    lock_.unlock();
    return bytes;
}

inline seL4_Word Env::next_core() {
    lock_.lock();
    const auto core = next_core_;
    next_core_ = (next_core_ + 1) % cores();
    lock_.unlock();
    return core;
}

inline detail::ThreadControl* Env::take_thread_control(std::size_t stack_size) {
    constexpr std::size_t page = std::size_t{1} << seL4_PageBits;
    stack_size = (stack_size + page - 1) / page * page;
    lock_.lock();
    // A finished thread with a stack as large, if there is one.
    for (auto** link = &thread_pool_; *link; link = &(*link)->next) {
        auto* c = *link;
        if (c->stack_size >= stack_size) {
            *link = c->next;
            c->next = running_threads_;
            running_threads_ = c;
            lock_.unlock();
            return c;
        }
    }
    lock_.unlock();
    auto* c = new (std::nothrow) detail::ThreadControl;
    if (!c) return nullptr;
    const auto layout = runtime::thread_tls_layout();
    const std::size_t tls_bytes = layout.region_size + layout.region_align;
    const std::size_t tls_pages = (tls_bytes + page - 1) / page;
    // [guard] [stack] [IPC buffer] [TLS]
    std::vector<seL4_CPtr> frames(stack_size / page + 1 + tls_pages);
    auto pages = map_pages(frames.size(), frames);
    auto tcb = allocate<cap::Tcb>();
    auto done = allocate<cap::Notification>();
    Result<cap::SchedContext> sc = cap::SchedContext();
#ifdef CONFIG_KERNEL_MCS
    sc = create(object::SchedContext{});
#endif
    if (!pages || !tcb || !done || !sc) {
        delete c;
        return nullptr;
    }
    c->tcb = *tcb;
    c->done = *done;
    c->scheduling_context = *sc;
    c->stack_bottom = pages->address;
    c->stack_size = stack_size;
    c->ipc_buffer = reinterpret_cast<seL4_IPCBuffer*>(pages->address + stack_size);
    c->ipc_frame = cap::Page(frames[stack_size / page]);
    const auto tls_start = reinterpret_cast<std::uintptr_t>(pages->address) + stack_size + page;
    const auto aligned =
        (tls_start + layout.region_align - 1) / layout.region_align * layout.region_align;
    c->tls = reinterpret_cast<std::byte*>(aligned);
    c->tls_size = tls_pages * page - (aligned - tls_start);
    lock_.lock();
    c->next = running_threads_;
    running_threads_ = c;
    lock_.unlock();
    return c;
}

inline void Env::recycle_thread_control(detail::ThreadControl* control) {
    lock_.lock();
    for (auto** link = &running_threads_; *link; link = &(*link)->next)
        if (*link == control) {
            *link = control->next;
            break;
        }
    control->next = thread_pool_;
    thread_pool_ = control;
    lock_.unlock();
}

inline detail::ThreadControl* Env::find_thread(std::uintptr_t id) {
    lock_.lock();
    detail::ThreadControl* found = nullptr;
    for (auto* c = running_threads_; c; c = c->next)
        if (c->thread_pointer == id) found = c;
    lock_.unlock();
    return found;
}

} // namespace sel4
