#include "core/audio/rt_guard.h"

namespace postline::audio {
namespace {

// Plain thread_local bool: constant-initialised, so reading it never allocates (safe inside new).
thread_local bool t_inCallback = false;

}  // namespace

bool inAudioCallback() { return t_inCallback; }

AudioCallbackScope::AudioCallbackScope() : m_previous(t_inCallback) { t_inCallback = true; }

AudioCallbackScope::~AudioCallbackScope() { t_inCallback = m_previous; }

}  // namespace postline::audio
