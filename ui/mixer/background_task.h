#pragma once
// Runs a measurement (a mix action: seconds of offline mixing) on its own thread and hands the
// result to `done` on the UI thread, unless `context` is gone by then. The work must only use
// what it captured (a project snapshot), never the live model.
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace postline::ui {

template <typename R>
void runInBackground(QObject* context, std::function<R()> work, std::function<void(R&)> done) {
  auto result = std::make_shared<std::optional<R>>();
  QThread* thread = QThread::create([result, work = std::move(work)] { result->emplace(work()); });
  QPointer<QObject> guard(context);
  QObject::connect(thread, &QThread::finished, thread, [thread, result, guard, done = std::move(done)] {
    thread->deleteLater();
    if (guard && result->has_value()) done(**result);
  });
  thread->start();
}

}  // namespace postline::ui
