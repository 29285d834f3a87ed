__portalSearch.f("915cc9ec6238",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"ABs=","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
