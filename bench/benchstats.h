#pragma once

// Percentiles of timing samples, shared by the benchmarks (header-only: some benchmarks link only librdkafka).

#include <algorithm>
#include <numeric>
#include <vector>

namespace topicscope::bench {

// Sorted copy of the samples; percentile(q) is the nearest-rank value (q in [0, 1]).
class Samples {
public:
    template <typename Container>
    explicit Samples(const Container &values)
        : m_sorted(values.begin(), values.end())
    {
        std::sort(m_sorted.begin(), m_sorted.end());
    }

    bool isEmpty() const { return m_sorted.empty(); }
    long long count() const { return static_cast<long long>(m_sorted.size()); }
    double percentile(double q) const
    {
        if (m_sorted.empty())
            return 0;
        const auto i = std::min(m_sorted.size() - 1, static_cast<std::size_t>(q * double(m_sorted.size())));
        return m_sorted[i];
    }
    double max() const { return m_sorted.empty() ? 0 : m_sorted.back(); }
    double mean() const
    {
        return m_sorted.empty() ? 0 : std::accumulate(m_sorted.begin(), m_sorted.end(), 0.0) / double(m_sorted.size());
    }
    long long countAbove(double limit) const
    {
        return static_cast<long long>(m_sorted.end() - std::upper_bound(m_sorted.begin(), m_sorted.end(), limit));
    }

private:
    std::vector<double> m_sorted;
};

} // namespace topicscope::bench
