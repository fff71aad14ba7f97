// The ocr module: reads the text of drawing crops. A trained CTC recognizer
// (models/recognizer.dlmodel, docs/ocr.md) reads dimensions, tolerances, GD&T frames and short
// codes exactly, stacked tolerances included; Tesseract reads prose (notes, title-block and table
// cells) with per-word confidence. Torch-free: the network lives behind Recognizer's implementation.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/status.h"
#include "model/model.h"
#include "ocr/alphabet.h"

namespace drawlens::ocr {

struct Alternative {
  std::string character;  // UTF-8
  double probability = 0;
};

struct CharacterReading {
  std::string character;  // UTF-8, one character of the drawing alphabet
  Track track = Track::main;
  double confidence = 0;                  // 0..1
  int column = 0;                         // where it peaks, in network columns (kWidthStride input pixels each)
  double x = 0;                           // the same place in the crop's pixels, from its left edge
  std::vector<Alternative> alternatives;  // likeliest other characters, when confidence is low
};

enum class ReadingSource { recognizer, tesseract };
const char* reading_source_name(ReadingSource source);  // "recognizer", "tesseract"

struct Word {
  std::string text;
  double confidence = 0;  // 0..1
  cv::Rect box;           // in the crop's pixels
};

struct Reading {
  std::string text;       // UTF-8; a stacked pair is "upper\nlower" after the shared lead
  double confidence = 0;  // the lowest character's (recognizer) or word's (Tesseract); 1 when empty
  ReadingSource source = ReadingSource::recognizer;
  std::vector<CharacterReading> characters;  // recognizer readings
  std::vector<Word> words;                   // Tesseract readings
};

enum class Decoding { greedy, beam };

struct RecognizerOptions {
  int threads = 0;  // LibTorch intra-op threads; 0 leaves torch's setting
  Decoding decoding = Decoding::greedy;
  int beam_width = 8;               // 1..64 (beam decoding)
  double alternatives_below = 0.9;  // characters under this confidence list alternatives
  int batch = 32;                   // crops per forward pass, 1..1024
  int cuda_device = -1;             // a CUDA ordinal runs the network there in float16; -1 the CPU
};

// A loaded recognizer. read() may be called from several threads: calls take turns.
class Recognizer {
 public:
  // Reads <models_directory>/recognizer.dlmodel: MODEL (naming the file) when it is missing,
  // damaged, another model, or its weights do not fit its header; INVALID_ARGUMENT for bad options;
  // GPU when options.cuda_device names a device LibTorch cannot use.
  static Result<Recognizer> load(const std::string& models_directory, const RecognizerOptions& options = {});
  static Result<Recognizer> from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                       const RecognizerOptions& options = {});

  Recognizer(Recognizer&&) noexcept;
  Recognizer& operator=(Recognizer&&) noexcept;
  ~Recognizer();

  // crops: CV_8UC1, upright, dark text on light paper, any size from 1x1. INVALID_ARGUMENT for an
  // empty image or another type (naming the crop's index). A crop without text reads as "".
  Result<std::vector<Reading>> read(const std::vector<cv::Mat>& crops) const;
  Result<Reading> read(const cv::Mat& crop) const;

 private:
  struct Impl;
  explicit Recognizer(std::unique_ptr<Impl> impl);
  static Result<Recognizer> from_model_file(const model::ModelFile& file, const std::string& label,
                                            const RecognizerOptions& options);
  std::unique_ptr<Impl> impl_;
};

// Tesseract (LSTM engine) on one crop of prose. Not thread-safe: one per worker.
class ProseReader {
 public:
  // languages: Tesseract's "eng", "eng+deu", ...; tessdata: "" for the installed data. MODEL
  // naming the languages and directory when the data cannot be loaded.
  static Result<ProseReader> create(const std::string& languages = "eng", const std::string& tessdata = "");

  ProseReader(ProseReader&&) noexcept;
  ProseReader& operator=(ProseReader&&) noexcept;
  ~ProseReader();

  // crop: CV_8UC1 (INVALID_ARGUMENT otherwise or when empty). Words in reading order, lines joined
  // by '\n'.
  Result<Reading> read(const cv::Mat& crop, double dpi = 300);

 private:
  struct Impl;
  explicit ProseReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The symbols a symbol crop may be read as.
enum class SymbolGroup {
  characteristic,  // the 14 GD&T characteristics: a feature control frame's first compartment
  size_prefix,     // Ø □ ⌴ ⌵ ↧ ±, or none: what CAD systems draw as lines before a number
};

struct SymbolReading {
  std::string symbol;     // UTF-8 as the parser reads it ("⌖", "Ø"); "" for none of the group's
  double confidence = 0;  // the network's probability of that answer, 0..1
};

// Names a symbol drawn as lines (models/symbols.dlmodel, docs/read.md): the characteristic in a
// frame's first compartment, or the size symbol before a text-layer number. classify() may be
// called from several threads: calls take turns.
class SymbolClassifier {
 public:
  // Reads <models_directory>/symbols.dlmodel: MODEL (naming the file) when it is missing, damaged,
  // another model, or its weights do not fit its header; INVALID_ARGUMENT for bad options
  // (threads, batch, cuda_device as RecognizerOptions); GPU when cuda_device cannot be used.
  static Result<SymbolClassifier> load(const std::string& models_directory, const RecognizerOptions& options = {});
  static Result<SymbolClassifier> from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                             const RecognizerOptions& options = {});

  SymbolClassifier(SymbolClassifier&&) noexcept;
  SymbolClassifier& operator=(SymbolClassifier&&) noexcept;
  ~SymbolClassifier();

  // crops: CV_8UC1, upright, the symbol dark on light paper with some margin (its ink is found and
  // fitted). INVALID_ARGUMENT for an empty crop or another type. A crop without ink reads as "" with
  // confidence 1. For characteristic, the likeliest characteristic whatever else the crop might be.
  Result<std::vector<SymbolReading>> classify(const std::vector<cv::Mat>& crops, SymbolGroup group) const;

 private:
  struct Impl;
  explicit SymbolClassifier(std::unique_ptr<Impl> impl);
  static Result<SymbolClassifier> from_model_file(const model::ModelFile& file, const std::string& label,
                                                  const RecognizerOptions& options);
  std::unique_ptr<Impl> impl_;
};

// Which reader an OcrEngine uses for a crop.
enum class ReadMode {
  automatic,   // the recognizer; Tesseract too where the recognizer is unsure, the surer reading kept
  recognizer,  // dimensions, tolerances, frames, codes
  tesseract,   // prose: notes, title-block and table cells
};

struct EngineOptions {
  RecognizerOptions recognizer;
  std::string tesseract_languages = "eng+deu";  // "" leaves Tesseract out (ReadMode::tesseract then fails)
  std::string tessdata;                         // "" for the installed language data
  double tesseract_below = 0.5;                 // automatic: recognizer readings under this try Tesseract
};

// The recognizer and a pool of Tesseract readers (one per concurrent caller, made on demand):
// what the C ABI's drawlens_ocr_engine and the facade's OcrEngine hold. read() may be called from
// several threads.
class Engine {
 public:
  // The recognizer from <models_directory>/recognizer.dlmodel and, unless tesseract_languages is
  // "", one Tesseract reader made at once to check its language data (MODEL naming it otherwise).
  static Result<Engine> create(const std::string& models_directory, const EngineOptions& options = {});

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  // crops as Recognizer::read; dpi (10..4800) tells Tesseract the crops' resolution. One reading
  // per crop, in order.
  Result<std::vector<Reading>> read(const std::vector<cv::Mat>& crops, ReadMode mode, double dpi = 300) const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace drawlens::ocr
