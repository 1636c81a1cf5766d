#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Trainyard {

// An error a person can act on: one clear sentence, already translated.
struct Error
{
    QString message;
};

// The value of an operation that can fail in a way a user may meet (a std::expected stand-in:
// GCC 12 has no <expected>). Errors travel as values; exceptions never reach Qt's event loop.
// E is Error, or a richer error type with the same `message` (e.g. SshError, which adds a kind
// and host key fingerprints a wizard can show).
template<typename T, typename E = Error>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    // By value: a reference into a temporary Result would dangle in a range-for.
    T value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const E &error() const { return std::get<1>(m_data); }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, E> m_data;
};

template<typename E>
class [[nodiscard]] Result<void, E>
{
public:
    Result() = default;
    Result(E error) : m_error(std::move(error)), m_ok(false) { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const E &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    E m_error;
    bool m_ok = true;
};

} // namespace Trainyard
