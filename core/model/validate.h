#pragma once
#include <string>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::model {

// Checks every invariant of a project: the five standard bins, unique ids below nextId,
// sorted non-overlapping clips of positive length and speed, clips referring to media that
// exist with their source inside the media, transitions between adjacent clips within their
// handles. The first problem found is returned as a message a person can act on.
base::Result<void> validate(const Project& project);

// Checks one clip against its media: kind fits the track, positive length and speed,
// source range inside the media.
base::Result<void> checkClip(const Project& project, const Sequence& seq, const Track& track, const Clip& clip);

// Checks a clip's reframing keys (core/model/clip_params.h): each aspect name is "WxH" with
// positive coprime integers ("9x16", not "18x32" or "9:16"); each list is non-empty, strictly
// increasing in sourceFrame (>= 0), with x and y finite and inside 0..1. Errors are prefixed by `where`.
base::Result<void> validateReframeKeys(const ReframeKeys& keys, const std::string& where);

// Checks one transition: its clips exist on its track, are adjacent, and have enough handle
// for its duration and alignment.
base::Result<void> checkTransition(const Project& project, const Sequence& seq, const Transition& t);

}  // namespace postline::model
