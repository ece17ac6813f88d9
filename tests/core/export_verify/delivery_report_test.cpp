// The delivery report: JSON with stable fields (parsed back), a self-contained HTML page
// (thumbnails inline, nothing fetched, text escaped), atomic writes and errors naming the file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/export/delivery_report.h"
#include "tests/core/export_verify/verify_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::verifytest;
using Json = nlohmann::json;

std::string readText(const fs::path& p) {
  const std::vector<std::uint8_t> b = readBytes(p);
  return {b.begin(), b.end()};
}

std::size_t countOf(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// A report of one verified delivery (real file, real thumbnails) and one failed job.
DeliveryReport sampleReport(const fs::path& dir) {
  const fs::path file = dir / "Promo_Test_180p.mp4";
  const Delivery d;
  writeDelivery(file, d);
  DeliveryReport r;
  r.project = "Promo <\"Spring\"> & Co";
  r.sequence = "Main cut";
  r.range = "00:00:00:00-00:00:02:00";
  r.createdUtc = "2024-05-01T10:00:00Z";
  JobOutcome ok;
  ok.presetId = "test-web";
  ok.presetName = "Test Web 180p";
  ok.status = JobStatus::Done;
  ok.output = file;
  ok.elapsedS = 1.5;
  ok.conform = "none";
  ok.reframe = "none";
  ok.warnings = {"sequence is 25 fps; conformed <repeat>"};
  auto v = verifyDelivery(file, webPreset(), expectationFor(d));
  EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message);
  if (v.ok()) ok.verification = v.value();
  auto strip = thumbnailStrip(file, 4, 90);
  EXPECT_TRUE(strip.ok()) << (strip.ok() ? "" : strip.error().message);
  if (strip.ok()) ok.thumbnails = strip.value();
  JobOutcome failed;
  failed.presetId = "test-broken";
  failed.presetName = "Broken";
  failed.status = JobStatus::Failed;
  failed.error = "encoder <libx265> is not available & never was";
  r.jobs = {ok, failed};
  return r;
}

TEST(DeliveryReport, JsonHasTheDocumentedFields) {
  const DeliveryReport report = sampleReport(freshDir());
  const Json j = Json::parse(reportJson(report));
  EXPECT_EQ(j["format"], "postline-delivery-report");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["project"], report.project);
  EXPECT_EQ(j["sequence"], "Main cut");
  EXPECT_EQ(j["range"], "00:00:00:00-00:00:02:00");
  EXPECT_EQ(j["created_utc"], "2024-05-01T10:00:00Z");
  EXPECT_EQ(j["passed"], false);  // one job failed
  ASSERT_EQ(j["jobs"].size(), 2u);
  const Json& ok = j["jobs"][0];
  EXPECT_EQ(ok["preset_id"], "test-web");
  EXPECT_EQ(ok["status"], "done");
  EXPECT_EQ(ok["passed"], true);
  EXPECT_EQ(ok["output_name"], "Promo_Test_180p.mp4");
  EXPECT_EQ(ok["thumbnail_count"], 4);
  EXPECT_EQ(ok["warnings"].size(), 1u);
  const Json& v = ok["verification"];
  EXPECT_EQ(v["pass"], true);
  EXPECT_EQ(v["checks"].size(), 17u);
  EXPECT_EQ(v["checks"][0]["name"], "container");
  for (const char* key : {"name", "expected", "measured", "pass"}) EXPECT_TRUE(v["checks"][4].contains(key)) << key;
  const Json& p = v["probe"];
  EXPECT_EQ(p["video_codec"], "h264");
  EXPECT_EQ(p["width"], 320);
  EXPECT_EQ(p["fps"], "24");
  EXPECT_EQ(p["frames"], 48);
  EXPECT_EQ(p["faststart"], true);
  EXPECT_EQ(p["audio_codec"], "aac");
  ASSERT_TRUE(p["integrated_lufs"].is_number());
  EXPECT_NEAR(p["integrated_lufs"].get<double>(), -14.0, 0.3);
  const Json& bad = j["jobs"][1];
  EXPECT_EQ(bad["status"], "failed");
  EXPECT_EQ(bad["passed"], false);
  EXPECT_EQ(bad["error"], "encoder <libx265> is not available & never was");
  EXPECT_TRUE(bad["verification"].is_null());
  EXPECT_EQ(bad["output"], "");
}

TEST(DeliveryReport, SilenceReadsAsNullLoudness) {
  DeliveryReport r;
  JobOutcome job;
  job.status = JobStatus::Done;
  job.verification = Verification{};
  job.verification->probe.integratedLufs.reset();
  r.jobs = {job};
  const Json j = Json::parse(reportJson(r));
  EXPECT_TRUE(j["jobs"][0]["verification"]["probe"]["integrated_lufs"].is_null());
  EXPECT_TRUE(j["jobs"][0]["verification"]["probe"]["true_peak_dbtp"].is_null());
}

TEST(DeliveryReport, HtmlIsSelfContainedAndEscaped) {
  const DeliveryReport report = sampleReport(freshDir());
  const std::string html = reportHtml(report);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // Four thumbnails inline; JPEG's FF D8 FF starts every one as "/9j/" in base64.
  EXPECT_EQ(countOf(html, "src=\"data:image/jpeg;base64,/9j/"), 4u);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // Names and messages are escaped.
  EXPECT_NE(html.find("Promo &lt;&quot;Spring&quot;&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(html.find("encoder &lt;libx265&gt; is not available &amp; never was"), std::string::npos);
  EXPECT_NE(html.find("conformed &lt;repeat&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<libx265>"), std::string::npos);
  // The figures and every check, coloured by result.
  EXPECT_NE(html.find("Promo_Test_180p.mp4"), std::string::npos);
  EXPECT_EQ(countOf(html, "<tr class=\"pass\">"), 17u);
  EXPECT_EQ(countOf(html, "<tr class=\"fail\">"), 0u);
  EXPECT_NE(html.find("-14.0 LUFS"), std::string::npos);
  EXPECT_NE(html.find("1 of 2 deliveries passed"), std::string::npos);
  EXPECT_NE(html.find("failed</span>"), std::string::npos);
}

TEST(DeliveryReport, FailedChecksAreMarked) {
  DeliveryReport r;
  JobOutcome job;
  job.presetName = "Reels";
  job.status = JobStatus::Done;
  Verification v;
  v.checks = {Check{"resolution", "1080x1920", "1920x1080", false}, Check{"fps", "30 fps", "30 fps", true}};
  job.verification = v;
  r.jobs = {job};
  const std::string html = reportHtml(r);
  EXPECT_EQ(countOf(html, "<tr class=\"fail\">"), 1u);
  EXPECT_EQ(countOf(html, "<tr class=\"pass\">"), 1u);
  EXPECT_NE(html.find("FAIL"), std::string::npos);
  EXPECT_NE(html.find("failed verification"), std::string::npos);
  EXPECT_NE(html.find("0 of 1 deliveries passed"), std::string::npos);
}

TEST(DeliveryReport, WritesBothFilesAtomically) {
  const fs::path dir = freshDir();
  const DeliveryReport report = sampleReport(dir);
  auto files = writeDeliveryReport(report, dir / "reports", "Promo_delivery");
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_EQ(files.value().json, dir / "reports" / "Promo_delivery.json");
  EXPECT_EQ(files.value().html, dir / "reports" / "Promo_delivery.html");
  EXPECT_EQ(readText(files.value().json), reportJson(report));
  EXPECT_EQ(readText(files.value().html), reportHtml(report));
  // Writing again replaces both; no temporary file is left behind.
  DeliveryReport second = report;
  second.sequence = "Second cut";
  ASSERT_TRUE(writeDeliveryReport(second, dir / "reports", "Promo_delivery").ok());
  EXPECT_EQ(Json::parse(readText(files.value().json))["sequence"], "Second cut");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "reports")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Promo_delivery.html", "Promo_delivery.json"}));
}

TEST(DeliveryReport, UnwritableFolderIsIoNamingIt) {
  const fs::path dir = freshDir();
  writeBytes(dir / "a_file", {1, 2, 3});
  // A folder below a plain file can never be created (whoever runs the test, root included).
  auto r = writeDeliveryReport(DeliveryReport{}, dir / "a_file" / "reports", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::Io);
  EXPECT_NE(r.error().message.find((dir / "a_file" / "reports").string()), std::string::npos) << r.error().message;
}

TEST(DeliveryReport, ReadOnlyFolderIsIoNamingTheFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  const fs::path dir = freshDir() / "locked";
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  auto r = writeDeliveryReport(DeliveryReport{}, dir, "report");
  fs::permissions(dir, fs::perms::owner_all);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::Io);
  EXPECT_NE(r.error().message.find((dir / "report.json").string()), std::string::npos) << r.error().message;
}

TEST(DeliveryReport, StatusNames) {
  EXPECT_STREQ(jobStatusName(JobStatus::Done), "done");
  EXPECT_STREQ(jobStatusName(JobStatus::Failed), "failed");
  EXPECT_STREQ(jobStatusName(JobStatus::Cancelled), "cancelled");
}

}  // namespace
