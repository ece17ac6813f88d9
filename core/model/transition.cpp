#include "core/model/transition.h"

namespace postline::model {

time::FrameRange transitionRange(const Transition& t, time::FramePos cut) {
  switch (t.align) {
    case TransitionAlign::EndAtCut: return {cut - t.duration, cut};
    case TransitionAlign::StartAtCut: return {cut, cut + t.duration};
    case TransitionAlign::CenterOnCut: break;
  }
  const time::FrameCount before{t.duration.value / 2};
  return {cut - before, cut + (t.duration - before)};
}

}  // namespace postline::model
