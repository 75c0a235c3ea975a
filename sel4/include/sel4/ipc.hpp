// Typed IPC interfaces, described once as C++ types (after L4Re's ipc_iface and Genode's RPC,
// without an IDL compiler), with a client stub and a server dispatcher:
//
//     namespace calc {
//     using Add = sel4::ipc::Method<1, std::uint64_t(std::uint64_t, std::uint64_t)>;
//     using Log = sel4::ipc::Method<2, void(sel4::cap::Notification)>;  // a capability argument
//     using Protocol = sel4::ipc::Interface<Add, Log>;
//     }
//     // client: over an endpoint (root tasks) or a Microkit channel (protected calls)
//     auto calculator = sel4::ipc::client<calc::Protocol>(endpoint);
//     sel4::Result<std::uint64_t> sum = calculator.call<calc::Add>(20, 22);
//     // server: one overload of operator() per method, then the reply to send
//     struct Server {
//         std::uint64_t operator()(calc::Add, std::uint64_t a, std::uint64_t b) { return a + b; }
//         sel4::Result<void> operator()(calc::Log, sel4::cap::Notification n) { ... }
//     };
//     sel4::MessageInfo reply = sel4::ipc::dispatch<calc::Protocol>(server, request);
//
// Arguments and results are trivially copyable values, packed into message registers; at most
// one capability argument travels as the message's extra capability (the server finds it in
// its receive slot). Sizes are checked at compile time against seL4_MsgMaxLength. A reply's
// label is 0 or an Error: an unknown label or a malformed request (wrong length, missing
// capability) is answered with Error::invalid_argument, never trusted. All inline: the same
// set_mr/get_mr a hand-written call makes.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

#include <sel4/cap.hpp>
#include <sel4/error.hpp>
#include <sel4/message.hpp>

namespace sel4::ipc {

template <seL4_Word Label, class Signature>
struct Method;
// One call of an interface: its label (non-zero), its arguments, its result.
template <seL4_Word Label, class R, class... Args>
struct Method<Label, R(Args...)> {
    static_assert(Label != 0, "label 0 is the reply's success label");
    static constexpr seL4_Word label = Label; // the message label that selects it
    using result = R;                         // what it returns (a value, Result<T> or void)
    using arguments = std::tuple<Args...>;    // what it takes
};

// A protocol: its methods, whose labels differ.
template <class... Methods>
struct Interface {
    using methods = std::tuple<Methods...>; // the methods
};

namespace detail {

template <class T>
struct is_cap : std::false_type {};
template <class Tag>
struct is_cap<Cap<Tag>> : std::true_type {};

template <class T>
constexpr std::size_t words_of() {
    if constexpr (std::is_void_v<T> || is_cap<T>::value) {
        return 0;
    } else {
        static_assert(std::is_trivially_copyable_v<T>,
                      "IPC arguments and results are trivially copyable values or capabilities");
        return (sizeof(T) + sizeof(seL4_Word) - 1) / sizeof(seL4_Word);
    }
}

template <class... Args>
constexpr std::size_t words_of_all() {
    return (std::size_t{0} + ... + words_of<Args>());
}
template <class... Args>
constexpr std::size_t caps_of_all() {
    return (std::size_t{0} + ... + (is_cap<Args>::value ? 1 : 0));
}

template <class R>
struct unwrap_result {
    using type = R;
};
template <class R>
struct unwrap_result<Result<R>> {
    using type = R;
};

template <class M>
struct Layout;
template <seL4_Word Label, class R, class... Args>
struct Layout<Method<Label, R(Args...)>> {
    using value = typename unwrap_result<R>::type;
    static constexpr std::size_t request_words = words_of_all<Args...>();
    static constexpr std::size_t request_caps = caps_of_all<Args...>();
    static constexpr std::size_t reply_words = words_of<value>();
    static_assert(request_words <= seL4_MsgMaxLength, "arguments exceed the message registers");
    static_assert(reply_words <= seL4_MsgMaxLength, "the result exceeds the message registers");
    static_assert(request_caps <= 1, "at most one capability argument per call");
    static_assert(!is_cap<value>::value, "capabilities are not returned by value");
};

template <class T>
void put(std::size_t& word, const T& value) {
    if constexpr (is_cap<T>::value) {
        IpcBuffer::current().set_cap(0, value.cptr());
    } else if constexpr (words_of<T>() > 0) {
        std::array<seL4_Word, words_of<T>()> words{};
        std::memcpy(words.data(), &value, sizeof(T));
        for (const auto w : words)
            set_mr(static_cast<unsigned>(word++), w);
    }
}

template <class T>
T take(std::size_t& word) {
    if constexpr (is_cap<T>::value) {
        return T(seL4_GetIPCBuffer()->receiveIndex);
    } else {
        std::array<seL4_Word, words_of<T>()> words{};
        for (auto& w : words)
            w = get_mr(static_cast<unsigned>(word++));
        T value;
        std::memcpy(&value, words.data(), sizeof(T));
        return value;
    }
}

inline MessageInfo error_reply(Error error) {
    return MessageInfo(static_cast<seL4_Word>(error), 0);
}

template <class M, class Server, class... Args>
MessageInfo serve(Server& server, MessageInfo request, std::tuple<Args...>*) {
    using L = Layout<M>;
    if (request.length() != L::request_words || request.extra_caps() != L::request_caps ||
        request.caps_unwrapped() != 0)
        return error_reply(Error::invalid_argument);
    std::size_t word = 0;
    // Braced initialisation takes the arguments in order.
    std::tuple<Args...> arguments{take<Args>(word)...};
    using R = typename M::result;
    auto call = [&]() -> decltype(auto) {
        return std::apply([&](auto&... a) -> decltype(auto) { return server(M{}, a...); },
                          arguments);
    };
    std::size_t out = 0;
    if constexpr (std::is_void_v<R>) {
        call();
    } else if constexpr (std::is_same_v<R, Result<void>>) {
        if (auto r = call(); !r) return error_reply(r.error());
    } else if constexpr (!std::is_same_v<R, typename L::value>) { // Result<T>
        auto r = call();
        if (!r) return error_reply(r.error());
        put(out, *r);
    } else {
        put(out, call());
    }
    return MessageInfo(0, L::reply_words);
}

template <class Methods>
struct Dispatcher;
template <class... Methods>
struct Dispatcher<std::tuple<Methods...>> {
    template <class Server>
    static MessageInfo run(Server& server, MessageInfo request) {
        MessageInfo reply = error_reply(Error::invalid_argument); // no such label
        ((request.label() == Methods::label
              ? (reply = serve<Methods>(server, request,
                                        static_cast<typename Methods::arguments*>(nullptr)),
                 true)
              : false) ||
         ...);
        return reply;
    }
};

template <class T>
concept EndpointLike = requires(const T& t, MessageInfo m) {
    { t.call(m) } -> std::same_as<MessageInfo>;
};
template <class T>
concept ChannelLike = requires(const T& t, MessageInfo m) {
    { t.pp_call(m) } -> std::same_as<MessageInfo>;
};

} // namespace detail

// Answers one request: decodes it by label, calls server(Method{}, arguments...), and returns
// the reply to send (its message registers are written).
template <class Protocol, class Server>
MessageInfo dispatch(Server& server, MessageInfo request) {
    return detail::Dispatcher<typename Protocol::methods>::run(server, request);
}

// The client stub over a transport: an endpoint (call) or a Microkit channel (pp_call).
template <class Protocol, class Transport>
class Client {
  public:
    // A client calling through transport.
    explicit Client(Transport transport) : transport_(transport) {}

    // Calls method M with the arguments; its result, or the error the server answered with.
    template <class M, class... Given>
    [[nodiscard]] Result<typename detail::Layout<M>::value> call(const Given&... given) const {
        return invoke<M>(static_cast<typename M::arguments*>(nullptr), given...);
    }

  private:
    template <class M, class... Args, class... Given>
    Result<typename detail::Layout<M>::value> invoke(std::tuple<Args...>*,
                                                     const Given&... given) const {
        static_assert(sizeof...(Args) == sizeof...(Given), "wrong number of arguments");
        static_assert((std::tuple_size_v<typename Protocol::methods> > 0));
        using L = detail::Layout<M>;
        std::size_t word = 0;
        (detail::put<Args>(word, static_cast<const Args&>(given)), ...);
        const MessageInfo request(M::label, L::request_words, L::request_caps);
        MessageInfo reply;
        if constexpr (detail::EndpointLike<Transport>)
            reply = transport_.call(request);
        else
            reply = transport_.pp_call(request);
        // The server's error; a label that is none of ours (a confused or hostile server) is
        // reported as invalid_argument, never misread as success.
        if (const seL4_Word label = reply.label(); label != 0)
            return label <= static_cast<seL4_Word>(Error::no_free_slot) ? static_cast<Error>(label)
                                                                        : Error::invalid_argument;
        if (reply.length() != L::reply_words) return Error::invalid_argument;
        using V = typename L::value;
        if constexpr (std::is_void_v<V>) {
            return {};
        } else {
            std::size_t out = 0;
            return detail::take<V>(out);
        }
    }

    Transport transport_;
};

// A client of Protocol over an endpoint or a Microkit channel.
template <class Protocol, class Transport>
requires detail::EndpointLike<Transport> || detail::ChannelLike<Transport>
    Client<Protocol, Transport> client(Transport transport) {
    return Client<Protocol, Transport>(transport);
}

} // namespace sel4::ipc
