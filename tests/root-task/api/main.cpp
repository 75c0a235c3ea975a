// The seL4 C++ API on the real kernel, used as a user would: retype, CNode operations,
// notifications, endpoints, error values. Each case prints its name and ok/FAILED.
#include <cstdio>
#include <iterator>

#include <sel4/root_task.hpp>
#include <sel4/bootinfo.hpp>
#include <sel4/env.hpp>
#include <sel4/log.hpp>
#include <sel4/object_types.hpp>
#include <sel4/paging.hpp>
#include <sel4/sel4.hpp>

namespace {

static_assert(sel4::config::word_size == 8 * sizeof(void*));
static_assert(sel4::config::max_num_nodes >= 1);

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("api: %s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

// Empty slots of the root CNode, from the Env.
struct Slots {
    sel4::Env& env;
    seL4_CPtr take() { return env.allocate_slot().value_or(0); }
};

} // namespace

int main_task(sel4::Env& env) {
    using namespace sel4;
    const seL4_BootInfo& bootinfo = env.boot_info().raw();
    Slots slots{env};
    const auto root = init_thread::cnode;
    // Untyped memory of our own to retype by hand: the Env owns the boot info's untypeds.
    const auto untyped = env.create(object::Untyped{.size_bits = 20}).value_or(cap::Untyped());
    check(!untyped.is_null(), "an Env makes a 1 MiB untyped");

    // Retype into every kind of object this kernel has.
    constexpr auto kinds = std::size(object::portable_types);
    seL4_CPtr made[kinds] = {};
    for (std::size_t i = 0; i < kinds; ++i) {
        const auto& kind = object::portable_types[i];
        made[i] = slots.take();
        char what[80];
        std::snprintf(what, sizeof what, "retype untyped into %s", kind.name);
        check(untyped.retype(kind.type, kind.size_bits, root, 0, 0, made[i], 1).ok(), what);
    }
    // Architecture objects (a large page among them: 2 MiB, or 4 MiB on riscv32) from another,
    // larger untyped: 8 MiB, or four large pages, room for each at its alignment.
    const seL4_Word big_bits = seL4_LargePageBits + 2 > 23 ? seL4_LargePageBits + 2 : 23;
    const auto big = env.create(object::Untyped{.size_bits = big_bits}).value_or(cap::Untyped());
    check(!big.is_null(), "an Env makes an 8 MiB (or four large pages) untyped");
    for (const auto& kind : object::arch_types) {
        char what[80];
        std::snprintf(what, sizeof what, "retype untyped into %s", kind.name);
        check(big.retype(kind.type, kind.size_bits, root, 0, 0, slots.take(), 1).ok(), what);
    }
    auto made_of = [&](seL4_Word type) {
        for (std::size_t i = 0; i < kinds; ++i)
            if (object::portable_types[i].type == type) return made[i];
        return seL4_CPtr{0};
    };
    const cap::Endpoint endpoint(made_of(seL4_EndpointObject));
    const cap::Notification notification(made_of(seL4_NotificationObject));
    const cap::Tcb tcb(made_of(seL4_TCBObject));
    const seL4_CPtr cnode = made_of(seL4_CapTableObject);

    // CNode operations on the root CNode, addressed with full word depth.
    const auto copy_slot = slots.take();
    check(
        root.copy(copy_slot, word_bits, root, notification.cptr(), word_bits, seL4_AllRights).ok(),
        "cnode copy");
    check(root.copy(copy_slot, word_bits, root, notification.cptr(), word_bits, seL4_AllRights)
                  .error() == Error::delete_first,
          "cnode copy into a full slot is Error::delete_first");
    const auto badge1 = slots.take(), badge2 = slots.take();
    check(root.mint(badge1, word_bits, root, notification.cptr(), word_bits, seL4_AllRights, 1)
                  .ok() &&
              root.mint(badge2, word_bits, root, notification.cptr(), word_bits, seL4_AllRights, 2)
                  .ok(),
          "cnode mint with badges");

    // Notifications: badges OR together until the next wait or poll.
    check(notification.poll() == 0, "poll with nothing signalled");
    cap::Notification(badge1).signal();
    cap::Notification(badge2).signal();
    check(notification.poll() == 3, "badges 1 and 2 OR to 3");
    check(notification.poll() == 0, "poll clears the word");
    cap::Notification(badge2).signal();
    check(notification.wait() == 2, "wait returns the badge");

    const auto moved = slots.take();
    check(root.move(moved, word_bits, root, copy_slot, word_bits).ok(), "cnode move");
    // Mutate moves a capability and changes its data: for a CNode cap, its guard.
    const auto cnode_copy = slots.take(), mutated = slots.take();
    check(root.copy(cnode_copy, word_bits, root, cnode, word_bits, seL4_AllRights).ok() &&
              root.mutate(mutated, word_bits, root, cnode_copy, word_bits,
                          seL4_CNode_CapData_new(0, 0).words[0])
                  .ok(),
          "cnode mutate (CNode guard)");
    check(root.mutate(slots.take(), word_bits, root, moved, word_bits, 0).error() ==
              Error::illegal_operation,
          "cnode mutate of a notification is Error::illegal_operation");
    check(root.delete_(mutated, word_bits).ok(), "cnode delete");
    check(root.revoke(notification.cptr(), word_bits).ok(), "cnode revoke");
    check(root.copy(badge1, word_bits, root, notification.cptr(), word_bits, seL4_AllRights).ok(),
          "revoke emptied the minted slots");

    // A frame mapped with the page tables it needs, written and read through its address.
    const auto frame = slots.take();
    check(untyped.retype(arch::small_page_object, 0, root, 0, 0, frame, 1).ok(),
          "retype a 4 KiB frame");
    constexpr seL4_Word vaddr = 0x10000000; // far from the image: new page tables
    const auto mapped = map_page_with_tables(init_thread::vspace, frame, vaddr, untyped,
                                             [&] { return slots.take(); });
    check(mapped.ok(), "map the frame, creating page tables");
    if (mapped) {
        auto* words = reinterpret_cast<volatile seL4_Word*>(vaddr);
        words[0] = 0xfeedface;
        words[511] = 42;
        check(words[0] == 0xfeedface && words[511] == 42, "write and read through the mapping");
    }
    check(arch::map_page(frame, init_thread::vspace, vaddr + 0x1000).error() != Error::ok,
          "mapping a mapped frame again is an error");

    // The boot info as views.
    const BootInfo info(bootinfo);
    std::size_t untypeds = 0, devices = 0;
    std::uint64_t memory = 0;
    for (const auto u : info.untypeds()) {
        ++untypeds;
        if (u.is_device)
            ++devices;
        else
            memory += u.size();
    }
    std::printf("api: boot info: %zu untypeds (%zu device), %llu KiB of memory, %zu empty slots\n",
                untypeds, devices, static_cast<unsigned long long>(memory / 1024),
                info.empty().size());
    check(untypeds == info.untyped_slots().size() && memory > 0, "iterate the untypeds");
    check(env.memory_available() < memory, "the Env counts what it handed out");
    std::size_t chunks = 0;
    bool has_fdt = false;
    for (const auto chunk : info.extra()) {
        ++chunks;
        if (chunk.id == SEL4_BOOTINFO_HEADER_FDT) {
            const auto* magic = reinterpret_cast<const unsigned char*>(chunk.data.data());
            has_fdt = chunk.data.size() > 4 && magic[0] == 0xd0 && magic[1] == 0x0d;
        }
    }
    std::printf("api: %zu extra boot info chunks%s\n", chunks,
                has_fdt ? ", one a device tree" : "");
    check(sel4::config::arch_x86 || has_fdt, "ARM and RISC-V boot info carries the device tree");
    check(!info.find_memory(12).is_null(), "find a 4 KiB untyped");

    // CNode operations on absolutely addressed slots.
    const auto a = slots.take(), b = slots.take();
    check(sel4::copy(slot_of(a), slot_of(endpoint.cptr()), seL4_AllRights).ok() &&
              sel4::move(slot_of(b), slot_of(a)).ok() && sel4::delete_slot(slot_of(b)).ok(),
          "copy, move, delete through AbsoluteCPtr");
    check(sel4::copy(slot_of(a), slot_of(b), seL4_AllRights).error() == Error::failed_lookup,
          "copy from an empty slot is Error::failed_lookup");
    check(object::size_in_bytes(object::cnode, 4) == (std::uint64_t{16} << seL4_SlotBits),
          "object sizes");

    // Errors are values.
    check(untyped.cast<tag::Untyped>() == untyped, "a checked cast to the slot's own type");
    check(cap::Tcb(untyped.cptr()).suspend().error() == Error::illegal_operation,
          "tcb invocation on an untyped is Error::illegal_operation");
    check(untyped.retype(seL4_CapTableObject, 100, root, 0, 0, slots.take(), 1).error() ==
              Error::range_error,
          "retype with an absurd size is Error::range_error");
    check(tcb.set_priority(init_thread::tcb, 300).error() == Error::range_error,
          "priority above the maximum is Error::range_error");

    // Blueprints: typed objects in one line, from an untyped or from the Env.
    const auto blueprint_slot = slots.take();
    const auto made_endpoint = untyped.retype(object::Endpoint{}, blueprint_slot);
    check(made_endpoint && made_endpoint->cptr() == blueprint_slot,
          "untyped.retype(object::Endpoint{}, slot) is a cap::Endpoint");
    check(untyped.retype(object::Endpoint{}, blueprint_slot).error() == Error::delete_first,
          "retype into a full slot is Error::delete_first");
    const auto allocated = env.allocate<cap::Notification>();
    if (allocated) {
        allocated->signal(); // an unbadged signal: the wait returns at once, with badge 0
        check(allocated->wait() == 0,
              "env.allocate<cap::Notification>() is a working notification");
    } else {
        check(false, "env.allocate<cap::Notification>()");
    }
    const auto small_cnode = env.create(object::CNode{.size_bits = 4});
    check(small_cnode &&
              small_cnode->copy(3, 4, root, allocated->cptr(), word_bits, seL4_AllRights).ok(),
          "env.create(object::CNode{.size_bits = 4}), then a copy into it");
    check(object::size_in_bytes(object::CNode{.size_bits = 4}) == (16u << seL4_SlotBits) &&
              object::size_in_bytes(object::Endpoint{}) == (1u << seL4_EndpointBits),
          "blueprint sizes");
    check(env.create(object::Untyped{.size_bits = 45}).error() == Error::not_enough_memory,
          "more memory than there is is Error::not_enough_memory");
    const auto pages = env.map_pages(3);
    if (pages) {
        auto* bytes = reinterpret_cast<volatile std::uint8_t*>(pages->address);
        bytes[0] = 1;
        bytes[3 * 4096 - 1] = 2;
        check(bytes[0] == 1 && bytes[3 * 4096 - 1] == 2 && bytes[4096] == 0,
              "env.map_pages: fresh zeroed pages, mapped");
    } else {
        check(false, "env.map_pages");
    }
    for (const auto u : info.untypeds())
        if (u.is_device && u.size_bits >= 14) {
            const auto device = env.device_frame(u.physical_address + 0x3000);
            check(device.ok(), "env.device_frame at a device address");
            check(env.device_frame(u.physical_address).error() == Error::not_enough_memory,
                  "a device frame below one handed out is refused");
            break;
        }

    // Logging: levels, placeholders, a sink of the image's choice.
    static char logged[128];
    static std::size_t logged_length = 0;
    log::set_sink([](log::Level, std::string_view line) {
        logged_length = line.copy(logged, sizeof logged);
    });
    log::info("api: log {} {:#x} {}", 42, 255u, "text");
    const std::string_view first_line(logged, logged_length);
    log::debug("dropped below the level");
    log::set_sink(nullptr);
    check(first_line == "[info] api: log 42 0xff text\n" &&
              std::string_view(logged, logged_length) == first_line,
          "sel4::log with placeholders, a level and a sink");
    log::info("api: sel4::log on the debug console");

    // Results shaped like std::expected, for any T.
    struct NoDefault {
        explicit NoDefault(int v) : value(v) {}
        int value;
    };
    const Result<NoDefault> held(NoDefault(3));
    check(held.has_value() && held->value == 3, "Result of a type without default constructor");
    const Result<int> failed = Error::range_error;
    check(failed.value_or(9) == 9 && !failed && failed.error() == Error::range_error,
          "Result value_or and error");
    const auto doubled = Result<int>(21).transform([](int v) { return v * 2; });
    check(doubled.value() == 42, "Result transform");
    const auto chained = failed.and_then([](int v) { return Result<long>(v); });
    check(chained.error() == Error::range_error, "Result and_then passes the error on");
    const auto recovered = failed.or_else([](Error) { return Result<int>(5); });
    check(recovered.value() == 5, "Result or_else recovers");
    check(tcb.suspend().and_then([&] { return tcb.suspend(); }).ok(), "Result<void> and_then");

    if (failures) return failures;
    std::printf("api: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
