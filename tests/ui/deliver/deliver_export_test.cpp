// The Deliver page end to end: real `postline-cli export` processes through the page's queue.
#include <QApplication>
#include <QPushButton>
#include <QTableWidget>
#include <csignal>
#include <fstream>
#include <sstream>

#include "tests/ui/deliver/deliver_test_util.h"
#include "ui/deliver/preset_card.h"

namespace postline::ui::testing {
namespace {

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Clicking the Reels preset's "Export now" over a short range queues a job that finishes, passes its
// verification and appears in 05_Exports; the user's project file is untouched and the job's
// snapshot file is gone. Then a second job runs beside the finished one (the screenshot).
TEST(DeliverExport, ReelsPresetExportsVerifiesAndImportsInto05Exports) {
  ASSERT_TRUE(fs::exists(kCli)) << "build the postline-cli target first";
  DeliverFixture f("deliver_reels");
  f.markRange(0, 23);  // 24 frames: 1 s
  const std::string projectBefore = readAll(f.projectFile);
  f.page->show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(f.page.get()));
  deliver::PresetCard* reels = f.page->card(QStringLiteral("reels"));
  ASSERT_NE(reels, nullptr);
  std::vector<model::MediaId> imported;
  QObject::connect(f.page.get(), &DeliverPage::exportsImported,
                   [&](const std::vector<model::MediaId>& ids) { imported = ids; });
  QTest::mouseClick(&reels->exportNowButton(), Qt::LeftButton);
  ASSERT_EQ(f.page->queue().rowCount(), 1);
  const auto queued = f.job(0);
  ASSERT_TRUE(queued.has_value());
  const auto& argv = queued->spec.argv;
  const auto exportArg = std::find(argv.begin(), argv.end(), "export");
  ASSERT_NE(exportArg, argv.end());
  EXPECT_EQ(*(exportArg - 1), kCli);
  const fs::path snapshot = *(exportArg + 1);
  EXPECT_EQ(snapshot.parent_path(), f.dir);
  EXPECT_EQ(snapshot.filename().string().front(), '.');
  EXPECT_NE(std::find(argv.begin(), argv.end(), "00:00:00:00-00:00:01:00"), argv.end());  // OUT excluded

  ASSERT_TRUE(f.waitEnded(0, 150000)) << f.describe(0);
  ASSERT_EQ(f.job(0)->state, exporting::QueueState::Done) << f.describe(0);
  const auto results = f.page->queue().results(0);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].presetId, "reels");
  EXPECT_TRUE(results[0].passed);
  EXPECT_TRUE(fs::exists(results[0].output));
  EXPECT_EQ(results[0].output.parent_path(), f.dir / "05_Exports");
  EXPECT_NE(f.page->queue().statusText(0).indexOf(QStringLiteral("verified")), -1)
      << f.page->queue().statusText(0).toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !imported.empty(); }, 20000));
  const auto bin = exportsBin(*f.ctl);
  ASSERT_EQ(bin.size(), 1u);
  EXPECT_EQ(fs::path(bin[0]->path), results[0].output);
  EXPECT_EQ(bin[0]->info.width, 1080);
  EXPECT_EQ(bin[0]->info.height, 1920);
  EXPECT_FALSE(fs::exists(snapshot));
  EXPECT_EQ(readAll(f.projectFile), projectBefore);
  EXPECT_EQ(f.ctl->undoStack().undoCount() > 0, true);

  // Reveal and the report open what the job announced.
  QUrl opened;
  f.page->queue().setUrlOpener([&](const QUrl& u) { opened = u; });
  f.page->queue().table().selectRow(0);
  QTest::mouseClick(f.page->queue().findChild<QPushButton*>(QStringLiteral("revealButton")), Qt::LeftButton);
  EXPECT_EQ(fs::path(opened.toLocalFile().toStdString()), f.dir / "05_Exports");
  QTest::mouseClick(f.page->queue().findChild<QPushButton*>(QStringLiteral("reportButton")), Qt::LeftButton);
  EXPECT_TRUE(opened.toLocalFile().endsWith(QStringLiteral(".html"))) << opened.toString().toStdString();
  EXPECT_TRUE(fs::exists(opened.toLocalFile().toStdString()));

  // A second job (the cheap user preset) runs beside the finished one: the page's screenshot.
  const auto rows = f.page->exportPreset(QStringLiteral("test-short"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(QTest::qWaitFor([&] { auto j = f.job(1); return j && j->percent > 0.0; }, 60000)) << f.describe(1);
  f.page->card(QStringLiteral("youtube-1080p"))->setTicked(true);
  f.page->card(QStringLiteral("reels"))->setTicked(true);
  fs::create_directories("/tmp/i9/shots");
  f.page->grab().save(QStringLiteral("/tmp/i9/shots/deliver-page.png"));
  // Cancelled from its row: it ends cancelled, leaving no partial file and no snapshot behind.
  f.page->queue().table().selectRow(1);
  QTest::mouseClick(f.page->queue().findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
  ASSERT_TRUE(f.waitEnded(1, 30000)) << f.describe(1);
  EXPECT_EQ(f.job(1)->state, exporting::QueueState::Cancelled) << f.describe(1);
  const auto cancelled = f.job(1);
  for (const std::string& a : cancelled->spec.argv) {
    if (a.find(".deliver-") != std::string::npos) {
      EXPECT_FALSE(fs::exists(a)) << a;
    }
  }
  for (const auto& e : fs::directory_iterator(f.dir / "05_Exports")) {
    EXPECT_EQ(e.path().string().find(".partial."), std::string::npos) << e.path();
  }
}

// kill -9 on a running job's process marks that job failed; the next job still runs and completes.
TEST(DeliverExport, KilledJobFailsAndTheNextJobCompletes) {
  ASSERT_TRUE(fs::exists(kCli));
  DeliverFixture f("deliver_kill");
  f.markRange(0, 23);
  const auto first = f.page->exportPreset(QStringLiteral("test-short"));
  const auto second = f.page->exportPreset(QStringLiteral("test-short"));
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  ASSERT_TRUE(QTest::qWaitFor([&] { auto j = f.job(first[0]); return j && j->pid > 0; }, 30000)) << f.describe(first[0]);
  EXPECT_EQ(f.job(second[0])->state, exporting::QueueState::Queued);  // one at a time by default
  ASSERT_EQ(::kill(f.job(first[0])->pid, SIGKILL), 0);
  ASSERT_TRUE(f.waitEnded(first[0], 30000));
  EXPECT_EQ(f.job(first[0])->state, exporting::QueueState::Failed) << f.describe(first[0]);
  EXPECT_NE(f.page->queue().statusText(first[0]).indexOf(QStringLiteral("failed")), -1);
  ASSERT_TRUE(f.waitEnded(second[0])) << f.describe(second[0]);
  EXPECT_EQ(f.job(second[0])->state, exporting::QueueState::Done) << f.describe(second[0]);
  const auto results = f.page->queue().results(second[0]);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].passed);
  // The failed job can be retried from its row, and then completes too.
  ASSERT_TRUE(f.page->queue().retry(first[0]));
  ASSERT_TRUE(f.waitEnded(first[0])) << f.describe(first[0]);
  EXPECT_EQ(f.job(first[0])->state, exporting::QueueState::Done) << f.describe(first[0]);
}

}  // namespace
}  // namespace postline::ui::testing
