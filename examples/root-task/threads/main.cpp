// Four std::threads contending on a std::mutex, as in any C++ program: on seL4 each is a TCB of
// this address space (spread over the cores of an SMP kernel), and a contended lock blocks on
// a notification. main_task takes the sel4::Env, which provides them.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include <sel4/env.hpp>
#include <sel4/root_task.hpp>

int main_task(sel4::Env& env) {
    constexpr int threads = 4, rounds = 10000;
    std::mutex mutex;
    long total = 0;
    long per_thread[threads] = {};

    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < rounds; ++i) {
                std::lock_guard<std::mutex> lock(mutex);
                ++total;
                ++per_thread[t];
            }
        });
    for (auto& worker : workers)
        worker.join();

    for (int t = 0; t < threads; ++t)
        std::printf("threads: thread %d counted %ld\n", t, per_thread[t]);
    std::printf("threads: total %ld of %d on %lu core(s)\n", total, threads * rounds,
                static_cast<unsigned long>(env.cores()));
    return total == threads * rounds ? 0 : 1;
}

SEL4_ROOT_TASK_MAIN(main_task)
