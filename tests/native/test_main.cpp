// The one translation unit that defines the Boost.Test module (and its main()).
#define BOOST_TEST_MODULE actlab
#include <boost/test/unit_test.hpp>
