#include "checker/explore/Speculation.hpp"

#include "checker/explore/Dpor.hpp"
#include "checker/explore/MemoryBudget.hpp"

#include <algorithm>
#include <chrono>

namespace checker {

namespace {

// A worker explores one subtree to its end, or stops when the exploration is interrupted or out
// of time (the pool's deadline, from the exploration's start), or when the process uses half the
// memory budget (the other half is the exploration's own: workers must never be why it stops).
// The exploration's own explorer alone judges budgets in executions and findings.
ExploreOptions workerOptions(ExploreOptions options)
{
    options.jobs = 1;
    options.maxExecutions.reset();
    options.timeLimitSeconds.reset();
    options.stopOnFirst = false;
    if (options.maxMemoryMb > 0) options.maxMemoryMb = std::max<uint64_t>(options.maxMemoryMb / 2, 1);
    return options;
}

// How many tasks a thread runs inside one another while it waits (each one's explorer on the
// stack): a few, so that a waiting explorer helps without a deep stack.
constexpr int kMaxNesting = 1;
thread_local int nesting = 0;

constexpr size_t kMaxDiscarded = 16;   // see discard()

}  // namespace

SubtreeResult exploreSubtree(const Program& program, const ExploreOptions& options, const SubtreeTask& task,
                             const std::atomic<bool>& cancel, SpeculationPool& pool,
                             std::unique_ptr<DporExplorer>* reuse)
{
    static const std::function<void(const Progress&)> kNoProgress;
    if (!reuse) return DporExplorer(program, options, kNoProgress).runSubtree(task, cancel, pool);
    if (!*reuse) *reuse = std::make_unique<DporExplorer>(program, options, kNoProgress);
    return (*reuse)->runSubtree(task, cancel, pool);
}

SpeculationPool::SpeculationPool(const Program& program, const ExploreOptions& options, unsigned workers,
                                 std::chrono::steady_clock::time_point start)
    : program_(program), options_(workerOptions(options)), capacity_(size_t(workers + 1) * 8)
{
    if (options.timeLimitSeconds)
        deadline_ = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(*options.timeLimitSeconds));
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

SpeculationPool::~SpeculationPool()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        for (Job& job : jobs_) job.cancel = true;
        for (Job& job : abandoned_) job.cancel = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
}

bool SpeculationPool::wantsWork() const
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (idle_ <= queued_ || jobs_.size() >= capacity_) return false;
    }
    return !overWorkersBudget();
}

bool SpeculationPool::overWorkersBudget() const
{
    return options_.maxMemoryMb > 0 && MemoryBudget::residentBytes() >= (options_.maxMemoryMb << 20);
}

void SpeculationPool::submit(std::unique_ptr<SubtreeTask> task)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.emplace_back().task = std::move(task);
        ++queued_;
    }
    wake_.notify_one();
    done_.notify_all();   // an explorer waiting for a task runs others meanwhile
}

SpeculationPool::JobRef SpeculationPool::find(uint64_t node, uint64_t ordinal)
{
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it)
        if (it->task->node == node && it->task->ordinal == ordinal) return it;
    return jobs_.end();
}

std::list<SpeculationPool::Job>::const_iterator SpeculationPool::find(uint64_t node, uint64_t ordinal) const
{
    return const_cast<SpeculationPool*>(this)->find(node, ordinal);
}

SpeculationPool::JobRef SpeculationPool::firstQueued()
{
    if (queued_ == 0) return jobs_.end();
    auto job = jobs_.begin();
    while (job != jobs_.end() && job->state != State::Queued) ++job;
    return job;
}

bool SpeculationPool::has(uint64_t node, uint64_t ordinal) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return find(node, ordinal) != jobs_.end();
}

const SubtreeResult* SpeculationPool::done(uint64_t node, uint64_t ordinal) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto job = find(node, ordinal);
    return job != jobs_.end() && job->state == State::Done ? job->result.get() : nullptr;
}

// A running job's thread still uses it: it moves aside, cancelled, until the thread is done.
void SpeculationPool::drop(JobRef job)
{
    if (job->state == State::Running) {
        job->cancel = true;
        job->abandoned = true;
        abandoned_.splice(abandoned_.end(), jobs_, job);
        return;
    }
    if (job->state == State::Queued) --queued_;
    jobs_.erase(job);
}

void SpeculationPool::forgetBlock(uint64_t block)
{
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        auto next = std::next(it);
        if (it->task->node >> kBlockShift == block >> kBlockShift) drop(it);
        it = next;
    }
}

bool SpeculationPool::forget(uint64_t node, uint64_t ordinal)
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto job = find(node, ordinal);
    if (job == jobs_.end()) return false;
    drop(job);
    return true;
}

void SpeculationPool::forgetProjectedAfter(uint64_t node, uint64_t ordinal)
{
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        auto next = std::next(it);
        if (it->task->node == node && it->task->ordinal > ordinal && it->task->projected) drop(it);
        it = next;
    }
}

// A few are held at most, and none once memory is short (what waits to be freed counts against
// the budget): the caller frees them itself then, as its arguments go.
void SpeculationPool::discard(Claimed claimed, WakeupTree subtree)
{
    if (overWorkersBudget()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (discarded_.size() >= kMaxDiscarded) return;
        discarded_.push_back({std::move(claimed), std::move(subtree)});
    }
    wake_.notify_one();
}

void SpeculationPool::freeDiscarded(std::unique_lock<std::mutex>& lock)
{
    std::vector<Discarded> discarded;
    discarded.swap(discarded_);
    lock.unlock();
    discarded.clear();
    lock.lock();
}

SpeculationPool::Claimed SpeculationPool::claim(uint64_t node, uint64_t ordinal, const std::function<bool()>& stop)
{
    std::unique_lock<std::mutex> lock(mutex_);
    auto job = find(node, ordinal);
    if (job == jobs_.end()) return {};
    if (job->state == State::Queued && options_.waitForWorkers) run(lock, job, nesting == 0 ? &waiterExplorer_ : nullptr);
    while (job->state == State::Running) {
        if (stop()) break;
        bool helps = nesting < kMaxNesting;
        auto other = helps ? firstQueued() : jobs_.end();
        if (other != jobs_.end()) {
            job->helper = &*other;
            run(lock, other, nesting == 0 ? &waiterExplorer_ : nullptr);
            job->helper = nullptr;
            if (waiterExplorer_ && overWorkersBudget()) waiterExplorer_.reset();
            continue;
        }
        if (!discarded_.empty()) {
            freeDiscarded(lock);
            continue;
        }
        idle_ += helps;
        done_.wait_for(lock, std::chrono::milliseconds(20));
        idle_ -= helps;
    }
    if (job->state != State::Done) {
        drop(job);
        return {};
    }
    Claimed claimed{std::move(job->task), std::move(job->result)};
    jobs_.erase(job);
    return claimed;
}

void SpeculationPool::run(std::unique_lock<std::mutex>& lock, JobRef job, std::unique_ptr<DporExplorer>* reuse)
{
    job->state = State::Running;
    --queued_;
    lock.unlock();
    auto result = std::make_unique<SubtreeResult>();
    ++nesting;
    try {
        *result = exploreSubtree(program_, options_, *job->task, job->cancel, *this, reuse);
    } catch (...) {
        // The explorer meets the same error when it explores the branch itself.
        result = std::make_unique<SubtreeResult>();
        result->aborted = true;
    }
    --nesting;
    lock.lock();
    if (job->helper && job->helper->state == State::Running) {
        job->helper->preempted = true;
        job->helper->cancel = true;
    }
    if (job->preempted && !job->abandoned && !stopping_) {
        // Stopped for the explorer that ran it to go on: another thread starts it again.
        job->preempted = false;
        job->cancel = false;
        job->state = State::Queued;
        ++queued_;
        wake_.notify_one();
        return;
    }
    job->result = std::move(result);
    job->state = State::Done;
    if (job->abandoned) abandoned_.erase(job);
    done_.notify_all();
}

void SpeculationPool::work()
{
    std::unique_ptr<DporExplorer> explorer;   // reused from task to task (its memory is warm)
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        if (!discarded_.empty()) {
            freeDiscarded(lock);
            continue;
        }
        auto job = firstQueued();
        if (job != jobs_.end()) {
            run(lock, job, &explorer);
            // Past the workers' share of the memory budget, a warm explorer is not worth what
            // it holds: the exploration's own explorer needs it more.
            if (explorer && overWorkersBudget()) explorer.reset();
            continue;
        }
        ++idle_;
        wake_.wait(lock);
        --idle_;
    }
}

}  // namespace checker
