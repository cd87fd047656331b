// Progressive enhancements; every page is complete without this script.
