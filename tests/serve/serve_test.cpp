// drawlens serve over loopback: every route's answer, the old services' shapes, bad requests
// answered 4xx with a JSON body naming the problem, the API key, metrics, admission and shutdown.
#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "admission.h"
#include "ocr_answer.h"
#include "route_answers.h"
#include "serve.h"
#include "support/fixtures.h"

namespace drawlens::serve {
namespace {

using nlohmann::json;

std::string file_text(const std::string& path) {
  const auto bytes = testing::read_file(path);
  return {bytes.begin(), bytes.end()};
}

std::string sample_pdf() {
  static const std::string bytes = file_text(DRAWLENS_SAMPLE_DRAWING);
  return bytes;
}

// A server on a free loopback port, serving from a thread until the object goes.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    options.port = 0;
    options.device = "cpu";
    options.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
    if (options.workers == 0) options.workers = 2;
    server_ = std::make_unique<Server>(options);
    thread_ = std::thread([this] { served_ = server_->run(); });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(std::chrono::seconds(120));
    return c;
  }
  Server& server() { return *server_; }
  bool served() const { return served_; }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  bool served_ = false;
};

httplib::MultipartFormDataItems with_file(const std::string& bytes, const std::string& name,
                                          httplib::MultipartFormDataItems fields = {}) {
  fields.push_back({"file", bytes, name, "application/octet-stream"});
  return fields;
}

json body_of(const httplib::Result& answer) {
  EXPECT_TRUE(answer) << "no answer: " << httplib::to_string(answer.error());
  if (!answer) return json();
  return json::parse(answer->body);
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new RunningServer(ServerOptions{}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static RunningServer* server_;
};
RunningServer* ServeTest::server_ = nullptr;

TEST_F(ServeTest, HealthSaysWhereItRuns) {
  const auto answer = server_->client().Get("/api/v1/health");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  const json body = body_of(answer);
  EXPECT_EQ(body["status"], "healthy");
  EXPECT_EQ(body["device"], "cpu");
  EXPECT_EQ(body["workers"], 2);
  EXPECT_EQ(body["version"], drawlens::version());
}

TEST_F(ServeTest, AnalyzeAnswersTheNativeResultAndKeepsItForDownload) {
  auto client = server_->client();
  const auto answer = client.Post("/api/v1/analyze", with_file(sample_pdf(), "sample_drawing.pdf"));
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const json result = json::parse(answer->body);
  ASSERT_TRUE(result.contains("schema_version"));
  ASSERT_FALSE(result["pages"].empty());
  EXPECT_FALSE(result["pages"][0]["dimensions"].empty());
  const std::string id = answer->get_header_value("X-Drawlens-File-Id");
  ASSERT_EQ(id.size(), 32u);
  const auto kept = client.Get(("/api/v1/download/" + id).c_str());
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->status, 200);
  EXPECT_EQ(json::parse(kept->body), result);
}

TEST_F(ServeTest, TheRawBodyIsADrawingToo) {
  const auto answer = server_->client().Post("/api/v1/analyze", sample_pdf(), "application/pdf");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200) << answer->body;
}

TEST_F(ServeTest, DetectAnswersTheOldServiceShape) {
  auto client = server_->client();
  const json body = body_of(client.Post("/api/v1/detect", with_file(sample_pdf(), "test.pdf")));
  EXPECT_EQ(body["status"], "success");
  ASSERT_GT(body["total_detections"].get<int>(), 0);
  EXPECT_EQ(body["total_detections"], body["detections"].size());
  bool saw_dimension = false;
  for (const json& d : body["detections"]) {
    for (const char* key : {"class_id", "class_name", "confidence", "bbox", "value"}) EXPECT_TRUE(d.contains(key));
    for (const char* key : {"x", "y", "width", "height"}) EXPECT_TRUE(d["bbox"].contains(key));
    if (d["class_name"] == "dimension") {
      saw_dimension = true;
      EXPECT_EQ(d["class_id"], 0);
      EXPECT_TRUE(d["value"].is_string());
    }
  }
  EXPECT_TRUE(saw_dimension);
  EXPECT_GT(body["image_size"]["width"].get<int>(), 0);
  EXPECT_GE(body["processing_time"].get<double>(), 0.0);

  // A stricter confidence keeps a subset; everything the parser is unsure of goes.
  const json strict =
      body_of(client.Post("/api/v1/detect", with_file(sample_pdf(), "test.pdf", {{"conf_threshold", "1", "", ""}})));
  EXPECT_LE(strict["total_detections"].get<int>(), body["total_detections"].get<int>());
  for (const json& d : strict["detections"]) EXPECT_GE(d["confidence"].get<double>(), 1.0);
}

TEST_F(ServeTest, ProcessKeepsOverlaysForDownload) {
  auto client = server_->client();
  const json body =
      body_of(client.Post("/api/v1/process", with_file(sample_pdf(), "part.pdf", {{"visualize", "true", "", ""}})));
  EXPECT_EQ(body["status"], "success");
  EXPECT_EQ(body["filename"], "part.pdf");
  EXPECT_GT(body["counts"]["dimensions"].get<int>(), 0);
  ASSERT_EQ(body["downloads"]["overlays"].size(), body["page_count"].get<std::size_t>());
  const auto png = client.Get(body["downloads"]["overlays"][0].get<std::string>().c_str());
  ASSERT_TRUE(png);
  ASSERT_EQ(png->status, 200);
  EXPECT_EQ(png->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(png->body.substr(1, 3), "PNG");
  const std::string id = body["file_id"];
  const auto past_last = client.Get(("/api/v1/download/" + id + "?format=png&page=999").c_str());
  ASSERT_TRUE(past_last);
  EXPECT_EQ(past_last->status, 400);
}

// The events of a server-sent event stream: (name, data) pairs.
std::vector<std::pair<std::string, json>> sse_events(const std::string& stream) {
  std::vector<std::pair<std::string, json>> events;
  std::size_t at = 0;
  while ((at = stream.find("event: ", at)) != std::string::npos) {
    const std::size_t name_end = stream.find('\n', at);
    const std::size_t data_at = stream.find("data: ", name_end);
    const std::size_t data_end = stream.find('\n', data_at);
    events.emplace_back(stream.substr(at + 7, name_end - at - 7),
                        json::parse(stream.substr(data_at + 6, data_end - data_at - 6)));
    at = data_end;
  }
  return events;
}

TEST_F(ServeTest, ProcessStreamsItsProgressAsServerSentEvents) {
  std::string stream;
  std::string content_type;
  std::thread listener([&] {
    auto client = server_->client();
    const auto answer = client.Get(
        "/api/v1/progress/job-sse-1",
        [&](const httplib::Response& response) {
          content_type = response.get_header_value("Content-Type");
          return true;
        },
        [&](const char* data, std::size_t length) {
          stream.append(data, length);
          return true;
        });
    EXPECT_TRUE(answer) << httplib::to_string(answer.error());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the stream is open before the job
  auto client = server_->client();
  const json body =
      body_of(client.Post("/api/v1/process", with_file(sample_pdf(), "part.pdf", {{"job_id", "job-sse-1", "", ""}})));
  listener.join();
  EXPECT_EQ(body["job_id"], "job-sse-1");
  EXPECT_EQ(content_type, "text/event-stream");
  const auto events = sse_events(stream);
  ASSERT_GE(events.size(), 2u) << stream;
  int last_step = 0;
  for (std::size_t k = 0; k + 1 < events.size(); ++k) {
    EXPECT_EQ(events[k].first, "progress") << stream;
    const json& data = events[k].second;
    EXPECT_EQ(data["job_id"], "job-sse-1");
    if (data["stage"] == "queued") continue;
    EXPECT_GT(data["steps_done"].get<int>(), last_step);
    last_step = data["steps_done"];
    EXPECT_LE(last_step, data["steps_total"].get<int>());
    EXPECT_EQ(data["page"], 1);
  }
  EXPECT_GT(last_step, 0) << stream;
  EXPECT_EQ(events.back().first, "done");
  EXPECT_EQ(events.back().second["status"], "success");
  EXPECT_EQ(events.back().second["file_id"], body["file_id"]);
  // A finished job still answers, with its outcome.
  const auto again = client.Get("/api/v1/progress/job-sse-1");
  ASSERT_TRUE(again);
  const auto replay = sse_events(again->body);
  ASSERT_EQ(replay.size(), 1u) << again->body;
  EXPECT_EQ(replay[0].first, "done");
  // A job posted without an id gets one.
  const json unnamed = body_of(client.Post("/api/v1/process", with_file(sample_pdf(), "part.pdf")));
  EXPECT_EQ(unnamed["job_id"].get<std::string>().size(), 32u);
}

TEST_F(ServeTest, ToleranceUsesTheNamedProcessAndMaterial) {
  auto client = server_->client();
  const json body = body_of(client.Post(
      "/api/v1/tolerance",
      with_file(sample_pdf(), "part.pdf", {{"process", "grinding", "", ""}, {"material", "aluminium", "", ""}})));
  EXPECT_EQ(body["process"], "grinding");
  ASSERT_FALSE(body["pages"].empty());
  const json& tolerances = body["pages"][0]["tolerances"];
  EXPECT_EQ(tolerances["process"], "grinding");
  EXPECT_EQ(tolerances["material"], "aluminium");
  EXPECT_FALSE(tolerances["features"].empty());

  const auto unknown =
      client.Post("/api/v1/tolerance", with_file(sample_pdf(), "part.pdf", {{"process", "welding", "", ""}}));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("welding"), std::string::npos);
}

TEST_F(ServeTest, SegmentAnswersTheClassifiedLinework) {
  auto client = server_->client();
  const json body =
      body_of(client.Post("/api/v1/segment", with_file(sample_pdf(), "part.pdf", {{"visualize", "true", "", ""}})));
  EXPECT_EQ(body["status"], "success");
  ASSERT_GT(body["total_segments"].get<int>(), 100) << body.dump().substr(0, 400);
  EXPECT_EQ(body["segments"].size(), body["total_segments"].get<std::size_t>());
  EXPECT_GT(body["class_counts"].value("contour", 0), 0);
  EXPECT_GT(body["class_counts"].value("text", 0), 0);
  const json& first = body["segments"][0];
  EXPECT_TRUE(first.contains("class") && first.contains("kind") && first.contains("stroke_width"));
  EXPECT_GE(first["points"].size(), 2u);
  EXPECT_EQ(first["page"], 1);
  EXPECT_GT(body["image_size"]["width"].get<int>(), 0);
  const auto overlay = client.Get(body["visualized_image_url"].get<std::string>());
  ASSERT_TRUE(overlay);
  EXPECT_EQ(overlay->status, 200);
  // The other routes leave the stage out.
  const json analysed = body_of(client.Post("/api/v1/analyze", with_file(sample_pdf(), "part.pdf")));
  EXPECT_FALSE(analysed["pages"][0].contains("segments"));
  const auto bad =
      client.Post("/api/v1/segment", with_file(sample_pdf(), "part.pdf", {{"visualize", "maybe", "", ""}}));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServeTest, OcrAnswersTheEdocr2Shape) {
  auto client = server_->client();
  const json body = body_of(client.Post("/api/v1/ocr", with_file(sample_pdf(), "part.pdf")));
  ASSERT_EQ(body["status"], "success") << body.dump().substr(0, 400);
  EXPECT_FALSE(body["file_id"].get<std::string>().empty());
  EXPECT_GE(body["processing_time"].get<double>(), 0);
  const json& data = body["data"];
  ASSERT_GE(data["dimensions"].size(), 5u);
  // "2x Ø3.40 ±0.10" on the sample (its Ø drawn as lines): the nominal as value, the tolerance as
  // eDOCr2 printed it.
  const auto found = std::find_if(data["dimensions"].begin(), data["dimensions"].end(),
                                  [](const json& d) { return d["text"] == "2x \u00d83.40 \u00b10.10"; });
  ASSERT_NE(found, data["dimensions"].end()) << data["dimensions"].dump();
  EXPECT_DOUBLE_EQ((*found)["value"].get<double>(), 3.4);
  EXPECT_EQ((*found)["tolerance"], "\u00b10.1");
  EXPECT_EQ((*found)["type"], "diameter");
  EXPECT_EQ((*found)["unit"], "mm");
  EXPECT_EQ((*found)["count"], 2);
  EXPECT_EQ((*found)["source"], "text_layer");
  EXPECT_GT((*found)["location"]["x"].get<double>(), 0);
  EXPECT_EQ(data["text"]["title"], "Micro-Vu Turm\nHalter");
  EXPECT_FALSE(data["text"]["material"].is_null());
  EXPECT_TRUE(data["text"].contains("revision"));
  EXPECT_GE(data["text"]["fields"].size(), 5u);
  EXPECT_TRUE(data["gdt"].is_array());
  ASSERT_FALSE(data["tables"].empty());
  EXPECT_EQ(data["tables"][0]["kind"], "title_block");
  EXPECT_FALSE(data["possible_text"].empty());
  EXPECT_EQ(data["surface_finishes"].size(), 1u);
  EXPECT_TRUE(body["warnings"].empty()) << body["warnings"].dump();

  // Each extract_* field leaves its part out; the old model switches are answered with a warning.
  const json narrow = body_of(client.Post("/api/v1/ocr", with_file(sample_pdf(), "part.pdf",
                                                                   {{"extract_dimensions", "false", "", ""},
                                                                    {"extract_text", "false", "", ""},
                                                                    {"use_vl_model", "true", "", ""}})));
  EXPECT_TRUE(narrow["data"]["dimensions"].empty());
  EXPECT_TRUE(narrow["data"]["text"].empty());
  EXPECT_TRUE(narrow["data"]["possible_text"].empty());
  ASSERT_EQ(narrow["warnings"].size(), 1u);
  EXPECT_NE(narrow["warnings"][0].get<std::string>().find("use_vl_model"), std::string::npos);

  const auto bad =
      client.Post("/api/v1/ocr", with_file(sample_pdf(), "part.pdf", {{"extract_gdt", "sometimes", "", ""}}));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("extract_gdt"), std::string::npos);
  const auto wrong_method = client.Get("/api/v1/ocr");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "POST");
}

// Each bad request: its status and the error code in the JSON body.
void expect_error(const httplib::Result& answer, int status, const std::string& code) {
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, status) << answer->body;
  const json body = json::parse(answer->body);
  EXPECT_EQ(body["status"], "error");
  EXPECT_EQ(body["error"]["code"], code) << answer->body;
  EXPECT_FALSE(body["detail"].get<std::string>().empty());
}

TEST_F(ServeTest, BadRequestsAreAnsweredWithTheProblemNamed) {
  auto client = server_->client();
  expect_error(client.Post("/api/v1/analyze", httplib::MultipartFormDataItems{{"image", "x", "a.png", ""}}), 400,
               "NO_FILE");
  expect_error(client.Post("/api/v1/analyze", "", "application/pdf"), 400, "NO_FILE");
  expect_error(client.Post("/api/v1/analyze", with_file(std::string(), "empty.png")), 400, "EMPTY_FILE");
  expect_error(client.Get("/api/v1/nothing"), 404, "NO_ROUTE");
  expect_error(client.Get("/api/v1/download/0123456789abcdef0123456789abcdef"), 404, "UNKNOWN_FILE_ID");
  expect_error(client.Post("/api/v1/detect", with_file(sample_pdf(), "a.pdf", {{"conf_threshold", "high", "", ""}})),
               400, "BAD_FIELD");
  expect_error(client.Post("/api/v1/detect", with_file(sample_pdf(), "a.pdf", {{"iou_threshold", "1.5", "", ""}})), 400,
               "BAD_FIELD");
  expect_error(client.Post("/api/v1/analyze", with_file("not a drawing at all", "a.png")), 415,
               "DRAWLENS_UNSUPPORTED_FORMAT");
  const auto png = testing::encode(testing::make_drawing_page(800, 600), ".png");
  const std::string truncated(png.begin(), png.begin() + static_cast<long>(png.size() / 2));
  expect_error(client.Post("/api/v1/analyze", with_file(truncated, "cut.png")), 422, "DRAWLENS_TRUNCATED");

  const auto wrong_method = client.Get("/api/v1/analyze");
  expect_error(wrong_method, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "POST");
}

TEST_F(ServeTest, MetricsCountRequestsStagesAndPages) {
  auto client = server_->client();
  ASSERT_TRUE(client.Get("/api/v1/health"));
  ASSERT_TRUE(client.Post("/api/v1/analyze", with_file(sample_pdf(), "a.pdf")));
  // A request is counted just after its answer is sent, so the scrape may come first: ask again.
  const std::string analyzed = "drawlens_http_request_duration_seconds_bucket{route=\"/api/v1/analyze\",le=\"+Inf\"}";
  auto answer = client.Get("/metrics");
  for (int i = 0; i < 200 && answer && answer->body.find(analyzed) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    answer = client.Get("/metrics");
  }
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->get_header_value("Content-Type"), "text/plain; version=0.0.4");
  const std::string& text = answer->body;
  EXPECT_NE(text.find("drawlens_http_requests_total{route=\"/api/v1/health\",method=\"GET\",status=\"200\"}"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(analyzed), std::string::npos);
  EXPECT_NE(text.find("drawlens_stage_duration_seconds_count{stage=\"load\"}"), std::string::npos);
  EXPECT_NE(text.find("drawlens_pages_processed_total "), std::string::npos);
  EXPECT_NE(text.find("drawlens_queue_depth 0"), std::string::npos);
  EXPECT_EQ(text.find("drawlens_gpu_memory_used_bytes"), std::string::npos) << "no GPU gauge on the CPU";
}

TEST(ServeLimits, ABodyOverTheLimitIsRefused) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  RunningServer server(options);
  // Small enough to sit in the socket's buffer whole, so the answer is read rather than reset.
  expect_error(server.client().Post("/api/v1/analyze", std::string(4096, 'x'), "application/pdf"), 413,
               "BODY_TOO_LARGE");
}

TEST(ServeLimits, TheApiKeyIsCheckedExceptForProbes) {
  ServerOptions options;
  options.api_key = "s3cret";
  RunningServer server(options);
  auto client = server.client();
  expect_error(client.Post("/api/v1/analyze", with_file(sample_pdf(), "a.pdf")), 401, "BAD_API_KEY");
  EXPECT_EQ(client.Get("/api/v1/health")->status, 200);
  EXPECT_EQ(client.Get("/metrics")->status, 200);
  client.set_default_headers({{"X-API-Key", "s3cret"}});
  EXPECT_EQ(client.Post("/api/v1/analyze", with_file(sample_pdf(), "a.pdf"))->status, 200);
  client.set_default_headers({{"X-API-Key", "s3cre"}});
  expect_error(client.Post("/api/v1/analyze", with_file(sample_pdf(), "a.pdf")), 401, "BAD_API_KEY");
}

TEST(ServeLimits, ProgressOfAnUnknownJobIsRefusedAsAreMalformedJobIds) {
  ServerOptions options;
  options.progress_wait_ms = 200;
  RunningServer server(options);
  auto client = server.client();
  expect_error(client.Get("/api/v1/progress/never-posted"), 404, "UNKNOWN_JOB_ID");
  expect_error(client.Post("/api/v1/process", with_file(sample_pdf(), "a.pdf", {{"job_id", "no spaces!", "", ""}})),
               400, "BAD_FIELD");
  expect_error(
      client.Post("/api/v1/process", with_file(sample_pdf(), "a.pdf", {{"job_id", std::string(65, 'a'), "", ""}})), 400,
      "BAD_FIELD");
}

TEST(ServeLimits, BadOptionsAndATakenPortAreErrors) {
  ServerOptions bad;
  bad.port = 70000;
  EXPECT_THROW(Server{bad}, Error);
  bad = ServerOptions{};
  bad.model_directory = "/no/such/models";
  bad.port = 0;
  EXPECT_THROW(Server{bad}, Error);
  RunningServer first{ServerOptions{}};
  ServerOptions same;
  same.port = first.server().port();
  same.device = "cpu";
  EXPECT_THROW(Server{same}, Error);
}

TEST(ServeLimits, StopEndsRunEvenBeforeItStarted) {
  ServerOptions options;
  options.port = 0;
  options.model_directory = DRAWLENS_SOURCE_MODELS_DIR;
  Server server(options);
  server.stop();
  EXPECT_TRUE(server.run());
}

TEST(Admission, WorkersThenTheQueueThenRefusal) {
  Admission admission(1, 1);
  const auto soon = [] { return std::chrono::steady_clock::now() + std::chrono::milliseconds(50); };
  auto first = admission.enter(soon());
  ASSERT_TRUE(std::holds_alternative<Admission::Ticket>(first));
  EXPECT_EQ(admission.busy(), 1);
  // The only worker is busy: the next waits in the queue until its deadline.
  auto second = admission.enter(soon());
  ASSERT_TRUE(std::holds_alternative<Admission::Refusal>(second));
  EXPECT_EQ(std::get<Admission::Refusal>(second), Admission::Refusal::timed_out);
  // With one waiting, a third is turned away at once.
  std::thread waiter([&] {
    auto waited = admission.enter(std::chrono::steady_clock::now() + std::chrono::seconds(30));
    EXPECT_TRUE(std::holds_alternative<Admission::Ticket>(waited));
  });
  while (admission.waiting() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto third = admission.enter(soon());
  ASSERT_TRUE(std::holds_alternative<Admission::Refusal>(third));
  EXPECT_EQ(std::get<Admission::Refusal>(third), Admission::Refusal::queue_full);
  // Freeing the worker admits the waiter.
  first = Admission::Refusal::timed_out;
  waiter.join();
  EXPECT_EQ(admission.busy(), 0);
}

TEST(RouteAnswers, ToleranceTextAsDrawingsPrintIt) {
  EXPECT_EQ(tolerance_text({{"kind", "symmetric"}, {"upper", 0.1}, {"lower", -0.1}}), "\u00b10.1");
  EXPECT_EQ(tolerance_text({{"kind", "deviation"}, {"upper", 0.1}, {"lower", -0.05}}), "+0.1/-0.05");
  EXPECT_EQ(tolerance_text({{"kind", "deviation"}, {"upper", 0.0}, {"lower", -0.021}}), "0/-0.021");
  EXPECT_EQ(tolerance_text({{"kind", "limits"}, {"limits", {{"upper", 25.02}, {"lower", 24.98}}}}), "25.02/24.98");
  EXPECT_EQ(tolerance_text({{"kind", "fit"}, {"fit", {{"hole", "H7"}, {"shaft", "g6"}}}}), "H7/g6");
  EXPECT_EQ(tolerance_text({{"kind", "fit"}, {"fit", {{"shaft", "g6"}}}}), "g6");
  EXPECT_EQ(tolerance_text({{"kind", "general"}, {"general_class", "ISO 2768-m"}}), "ISO 2768-m");
  EXPECT_EQ(tolerance_text({{"kind", "max"}}), "MAX");
  EXPECT_TRUE(tolerance_text({{"kind", "none"}}).is_null());
}

TEST(RouteAnswers, OcrAnswerListsFramesWithTheirDatumsInOrder) {
  const json result = {
      {"diagnostics", {{{"severity", "info"}, {"stage", "annotate"}, {"page", 0}, {"message", "no text layer"}}}},
      {"pages",
       {{{"index", 1},
         {"gdt_frames",
          {{{"id", "p1-g0"},
            {"text", "\u2316|\u00d80.1\u24c2|A|B"},
            {"box", {100, 200, 80, 20}},
            {"confidence", 0.9},
            {"characteristic", "position"},
            {"unit", "mm"},
            {"segments",
             {{{"zone_shape", "diameter"},
               {"tolerance", 0.1},
               {"modifiers", {"mmc"}},
               {"datums", {{{"label", "A"}, {"modifiers", json::array()}}, {{"label", "B"}}}}}}}}}}}}}};
  const json answer = ocr_answer(result, {"id", "part.png", 0.5}, OcrRequest{}, {});
  ASSERT_EQ(answer["data"]["gdt"].size(), 1u);
  const json& frame = answer["data"]["gdt"][0];
  EXPECT_EQ(frame["type"], "position");
  EXPECT_DOUBLE_EQ(frame["value"].get<double>(), 0.1);
  EXPECT_EQ(frame["datum"], "A|B");
  EXPECT_EQ(frame["datums"], json({"A", "B"}));
  EXPECT_EQ(frame["zone_shape"], "diameter");
  EXPECT_EQ(frame["modifiers"], json({"mmc"}));
  EXPECT_EQ(frame["page"], 2);
  EXPECT_DOUBLE_EQ(frame["location"]["x"].get<double>(), 140);
  EXPECT_DOUBLE_EQ(frame["location"]["y"].get<double>(), 210);
  EXPECT_EQ(answer["warnings"], json({"annotate: no text layer"}));
  EXPECT_EQ(answer["data"]["text"]["drawing_number"], nullptr);
  EXPECT_EQ(answer["processing_time"], 0.5);
}

TEST(RouteAnswers, BoxOverlap) {
  EXPECT_DOUBLE_EQ(box_iou({0, 0, 10, 10}, {0, 0, 10, 10}), 1.0);
  EXPECT_DOUBLE_EQ(box_iou({0, 0, 10, 10}, {5, 0, 10, 10}), 50.0 / 150.0);
  EXPECT_DOUBLE_EQ(box_iou({0, 0, 10, 10}, {20, 20, 5, 5}), 0.0);
}

}  // namespace
}  // namespace drawlens::serve
